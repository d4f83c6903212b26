import { a1, columnLetter, type CellRef } from '../core/model/address';

/** A cell reference that works for any sheet name: 'My Sheet'!A1. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** Cells as few ranges: each column's consecutive rows become one range (B5:B9). */
export function cellRuns(cells: readonly CellRef[]): string[] {
  const sorted = [...cells].sort((x, y) => x.col - y.col || x.row - y.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1]!.col === start.col && sorted[i + 1]!.row <= end.row + 1) end = sorted[++i]!;
    const col = columnLetter(start.col);
    out.push(end.row === start.row ? a1(start.row, start.col) : `${col}${start.row + 1}:${col}${end.row + 1}`);
    i++;
  }
  return out;
}

/** getRanges takes one address string; Excel refuses very long ones, so keep each under ~8,000 characters. */
export const MAX_ADDRESS_CHARS = 8000;

export function chunkAddresses(addresses: readonly string[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The A1 ranges of a RangeAreas address ("Sheet1!A1:B2, 'a,b'!C3"), without sheet names. */
export function areasOf(address: string): string[] {
  const out: string[] = [];
  const re = /(?:'(?:[^']|'')*'|[^'!,\s][^!,]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  for (const m of address.matchAll(re)) out.push(m[1]!.replace(/\$/g, ''));
  return out;
}
