import type { CellSpec, CellStyle, SheetSpec } from '../../io/xlsx/spec';
import type { RangeRef } from '../model/address';

/** A figure column: with a group, its label stands under a merged group cell (核减项 over A类…H类). */
export interface FigureColumn {
  label: string;
  group?: string;
  width?: number;
}

/** A table with a two-row header, body rows, a 总计 row, notes and a footer (the 附件5 layout). */
export interface TwoRowTable {
  name: string;
  title: string;
  /** The columns naming a row (地市, 区县 / 学校). */
  keys: { label: string; width: number }[];
  figures: FigureColumn[];
  body: { labels: string[]; values: number[] }[];
  total: { label: string; values: number[] };
  notes: readonly string[];
  footer: readonly string[];
}

const TITLE: CellStyle = { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'center' };
const HEAD: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', wrap: true, border: true };
const BODY: CellStyle = { hAlign: 'center', vAlign: 'center', border: true };
const TOTAL: CellStyle = { bold: true, hAlign: 'center', vAlign: 'center', border: true };
const NOTE: CellStyle = { wrap: true, vAlign: 'top' };

/** 0-based rows of the parts of a laid-out table. */
export interface TwoRowPlaces {
  headerRow: number;
  firstBodyRow: number;
  totalRow: number;
  firstFigureColumn: number;
}

export function twoRowPlaces(bodyRows: number, keys: number): TwoRowPlaces {
  return { headerRow: 1, firstBodyRow: 3, totalRow: 3 + bodyRows, firstFigureColumn: keys };
}

/** Lays out a two-row-header table as a new sheet, in the official style of 002 附件5. */
export function twoRowSheet(t: TwoRowTable): SheetSpec {
  const width = t.keys.length + t.figures.length;
  const places = twoRowPlaces(t.body.length, t.keys.length);
  const cells: CellSpec[] = [];
  const merges: RangeRef[] = [];
  const put = (row: number, col: number, value: CellSpec['value'], style: CellStyle) => cells.push({ row, col, value, style });
  const last = width - 1;

  put(0, 0, t.title, TITLE);
  if (last > 0) merges.push({ top: 0, left: 0, bottom: 0, right: last });

  const top = places.headerRow;
  t.keys.forEach((k, c) => {
    put(top, c, k.label, HEAD);
    put(top + 1, c, null, HEAD);
    merges.push({ top, left: c, bottom: top + 1, right: c });
  });
  for (let i = 0; i < t.figures.length; ) {
    const f = t.figures[i]!;
    const c = places.firstFigureColumn + i;
    if (!f.group) {
      put(top, c, f.label, HEAD);
      put(top + 1, c, null, HEAD);
      merges.push({ top, left: c, bottom: top + 1, right: c });
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < t.figures.length && t.figures[end + 1]!.group === f.group) end++;
    for (let j = i; j <= end; j++) {
      put(top, places.firstFigureColumn + j, j === i ? f.group : null, HEAD);
      put(top + 1, places.firstFigureColumn + j, t.figures[j]!.label, HEAD);
    }
    if (end > i) merges.push({ top, left: c, bottom: top, right: places.firstFigureColumn + end });
    i = end + 1;
  }

  t.body.forEach((b, i) => {
    const r = places.firstBodyRow + i;
    t.keys.forEach((_, c) => put(r, c, b.labels[c] ?? '', BODY));
    b.values.forEach((v, j) => put(r, places.firstFigureColumn + j, v, BODY));
  });
  put(places.totalRow, 0, t.total.label, TOTAL);
  for (let c = 1; c < t.keys.length; c++) put(places.totalRow, c, null, TOTAL);
  t.total.values.forEach((v, j) => put(places.totalRow, places.firstFigureColumn + j, v, TOTAL));

  let r = places.totalRow + 1;
  for (const note of t.notes) {
    put(r, 0, note, NOTE);
    if (last > 0) merges.push({ top: r, left: 0, bottom: r, right: last });
    r++;
  }
  if (t.footer.length > 0) {
    r++;
    // The signature fields spread over the width, as the official sheets print them.
    t.footer.forEach((text, i) => put(r, Math.floor((i * width) / t.footer.length), text, {}));
  }

  return {
    name: t.name,
    cells,
    merges,
    columnWidths: [...t.keys.map((k) => k.width), ...t.figures.map((f) => f.width ?? Math.max(6, f.label.length * 2 + 2))],
    rowHeights: { 0: 30, [top]: 22, [top + 1]: 22 },
    freeze: { row: places.firstBodyRow, col: places.firstFigureColumn },
    print: { orientation: 'landscape', fitToWidth: true, titleRows: { from: top, to: top + 1 } },
  };
}
