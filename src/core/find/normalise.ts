import { cellText, type CellValue } from '../model/cell';

/**
 * Header text as compared: full-width folded (NFKC), notes in brackets dropped, spaces,
 * line breaks and punctuation removed. "原始序号\n（不要删除）" → "原始序号".
 */
export function normaliseHeader(v: CellValue | undefined): string {
  return cellText(v)
    .normalize('NFKC')
    .replace(/\([^)]*\)?/g, '')
    .replace(/\[[^\]]*\]?/g, '')
    .replace(/[\s\u3000\u00a0:：*＊·.。、_-]/g, '')
    .toLowerCase();
}

/** Text of a value for comparing with a dropdown item: NFKC, trimmed, inner spaces removed. */
export function normaliseItem(v: CellValue | undefined): string {
  return cellText(v).normalize('NFKC').replace(/[\s\u3000\u00a0]/g, '');
}
