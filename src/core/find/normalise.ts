import { cellText, type CellValue } from '../model/cell';

const HEADER_CACHE_LIMIT = 50_000;
const headerCache = new Map<string, string>();

/**
 * Header text as compared: full-width folded (NFKC), notes in brackets dropped, spaces,
 * line breaks and punctuation removed. "原始序号\n（不要删除）" → "原始序号". Short strings are
 * memoised: the finder asks for the same labels of every definition over and over.
 */
export function normaliseHeader(v: CellValue | undefined): string {
  if (typeof v !== 'string' || v.length > 64) return foldHeader(cellText(v));
  let n = headerCache.get(v);
  if (n === undefined) {
    if (headerCache.size >= HEADER_CACHE_LIMIT) headerCache.clear();
    headerCache.set(v, (n = foldHeader(v)));
  }
  return n;
}

function foldHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)?/g, '')
    .replace(/\[[^\]]*\]?/g, '')
    .replace(/[\s\u3000\u00a0:：*＊·.。、_-]/g, '')
    .toLowerCase();
}

/** Characters that NFKC leaves alone and that are not spaces: printable ASCII and CJK ideographs. */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c > 32 && c < 127) || (c >= 0x4e00 && c <= 0x9fff))) return false;
  }
  return true;
}

/** Text of a value for comparing with a dropdown item: NFKC, trimmed, inner spaces removed. */
export function normaliseItem(v: CellValue | undefined): string {
  if (typeof v === 'string' && isPlain(v)) return v; // the common case, on every row: no allocation
  return cellText(v).normalize('NFKC').replace(/[\s\u3000\u00a0]/g, '');
}
