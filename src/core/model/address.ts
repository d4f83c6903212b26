/** A1 addresses. Rows and columns here are 0-based indexes; Excel rows are 1-based. */

export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** a1(0, 0) === 'A1' */
export function a1(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  return { col: columnIndex(m[1]!), row: Number(m[2]) - 1 };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 'A1:C3', 'A:A' (whole column) or 'B2' to a 0-based inclusive range. */
export function parseRange(ref: string): RangeRef | null {
  const parts = ref.replace(/\$/g, '').split(':');
  const colOnly = /^([A-Za-z]{1,3})$/;
  if (parts.length === 2 && colOnly.test(parts[0]!) && colOnly.test(parts[1]!)) {
    return { top: 0, left: columnIndex(parts[0]!), bottom: 1048575, right: columnIndex(parts[1]!) };
  }
  const a = parseA1(parts[0]!);
  const b = parts.length > 1 ? parseA1(parts[1]!) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function formatRange(r: RangeRef): string {
  const tl = a1(r.top, r.left);
  const br = a1(r.bottom, r.right);
  return tl === br ? tl : `${tl}:${br}`;
}
