import { a1, formatRange, parseA1, parseRange, type RangeRef } from '../../../core/model/address';
import { XlsxError } from '../errors';
import { rootPrefix } from '../read/prefix';
import { escapeAttr, findAll, findElement, openTagOf, parseAttrs, setAttr, tagEnd } from '../xml';

/** A cell as it stands in the sheet XML. */
export interface ExistingCell {
  /** The whole element. */
  xml: string;
  /** Its open tag. */
  tag: string;
  /** The s attribute, null when absent. */
  style: number | null;
  hasFormula: boolean;
  /** First cell of a shared formula: others depend on its <f> text. */
  sharedFormulaMaster: boolean;
  /** Holds a value, formula or inline string. */
  hasContent: boolean;
}

/**
 * Computes the new XML of one cell from the old one (null when the cell is new). `base` is the
 * style a new cell would show (row or column style); `p` is the sheet's namespace prefix,
 * for new elements. Returning null removes the cell.
 */
export type CellEdit = (existing: ExistingCell | null, base: number, p: string) => string | null;

export type SheetEdits = Map<number, Map<number, CellEdit>>;

/** CT_Worksheet child order, to place an element a sheet does not have yet. */
export const SHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];

interface RowSpan {
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  index: number;
  explicit: boolean;
}

/** Column styles from <cols> (which precedes <sheetData>), for cells that do not exist yet. */
function columnStyles(xml: string, before: number): (col: number) => number {
  const box = findElement(xml, 'cols', 0, before);
  const ranges = box
    ? findAll(xml, 'col', box.openEnd, box.end).map((s) => {
        const a = parseAttrs(openTagOf(xml, s));
        return { min: Number(a.get('min')) - 1, max: Number(a.get('max')) - 1, style: Number(a.get('style') ?? 0) };
      })
    : [];
  return (col) => ranges.find((r) => col >= r.min && col <= r.max)?.style ?? 0;
}

const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;

function rowsIn(xml: string, from: number, to: number, p: string): RowSpan[] {
  const rows: RowSpan[] = [];
  const re = new RegExp(`<${p}row(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  let index = -1;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const openEnd = tagEnd(xml, m.index);
    if (openEnd < 0) break;
    const r = ROW_NUMBER.exec(xml.slice(m.index, openEnd))?.[1];
    index = r ? Number(r) - 1 : index + 1;
    const selfClosing = xml[openEnd - 2] === '/';
    const close = selfClosing ? openEnd : xml.indexOf(`</${p}row>`, openEnd);
    const end = selfClosing ? openEnd : close < 0 ? to : close + p.length + 6;
    rows.push({ start: m.index, openEnd, end, selfClosing, index, explicit: r !== undefined });
    re.lastIndex = end;
  }
  return rows;
}

function existingCell(xml: string): ExistingCell {
  const tag = xml.slice(0, tagEnd(xml, 0));
  const s = parseAttrs(tag).get('s');
  const inner = xml.slice(tag.length);
  const f = /<(?:[\w.-]+:)?f(?=[\s/>])[^>]*>?/.exec(inner);
  const fAttrs = f ? parseAttrs(f[0]) : null;
  return {
    xml,
    tag,
    style: s === undefined ? null : Number(s),
    hasFormula: f !== null,
    sharedFormulaMaster: fAttrs?.get('t') === 'shared' && fAttrs.has('ref'),
    hasContent: /<(?:[\w.-]+:)?(?:v|f|is)(?=[\s/>])/.test(inner),
  };
}

/** Cells of one row's inner XML, each with its column; what is not a cell (extLst) is kept aside. */
function cellsOf(inner: string, p: string, rowIndex: number): { cells: Map<number, string>; rest: string } {
  const cells = new Map<number, string>();
  const re = new RegExp(`<${p}c(?=[\\s/>])`, 'g');
  let rest = '';
  let last = 0;
  let col = -1;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const openEnd = tagEnd(inner, m.index);
    if (openEnd < 0) break;
    const selfClosing = inner[openEnd - 2] === '/';
    const close = selfClosing ? openEnd : inner.indexOf(`</${p}c>`, openEnd);
    const end = selfClosing ? openEnd : close < 0 ? inner.length : close + p.length + 4;
    let xml = inner.slice(m.index, end);
    const ref = parseAttrs(xml.slice(0, openEnd - m.index)).get('r');
    const at = ref ? parseA1(ref) : null;
    col = at ? at.col : col + 1;
    // Cells written without r get one, since new neighbours would shift their implied column.
    if (!ref) xml = setAttr(xml.slice(0, openEnd - m.index), 'r', a1(rowIndex, col)) + xml.slice(openEnd - m.index);
    cells.set(col, xml);
    rest += inner.slice(last, m.index);
    last = end;
    re.lastIndex = end;
  }
  rest += inner.slice(last);
  return { cells, rest: rest.trim() };
}

/** Applies cell edits to a worksheet's XML; every other byte of the part is kept. */
export function editSheetCells(xml: string, edits: SheetEdits): string {
  if (edits.size === 0) return xml;
  const p = rootPrefix(xml, 'worksheet');
  const box = findElement(xml, 'sheetData');
  if (!box) throw new XlsxError('corrupt');
  const colStyle = columnStyles(xml, box.start);
  const innerStart = box.openEnd;
  const innerEnd = box.selfClosing ? box.end : xml.lastIndexOf('<', box.end - 1);
  const rows = rowsIn(xml, innerStart, innerEnd, p);
  const pending = [...edits.keys()].sort((x, y) => x - y);
  const touched: RangeRef[] = [];

  const out: string[] = [];
  let copyFrom = innerStart;
  let k = 0;
  let inserted = false;
  const newRow = (index: number): void => {
    const cells = applyEdits(new Map(), edits.get(index)!, index, colStyle, p, touched);
    if (cells.length) out.push(`<${p}row r="${index + 1}">${cells.join('')}</${p}row>`);
    inserted = true;
  };

  for (const row of rows) {
    while (k < pending.length && pending[k]! < row.index) newRow(pending[k++]!);
    const edit = k < pending.length && pending[k] === row.index ? edits.get(pending[k++]!) : undefined;
    if (!edit && (row.explicit || !inserted)) continue;
    out.push(xml.slice(copyFrom, row.start));
    copyFrom = row.end;
    let tag = openTagOf(xml, row);
    if (!row.explicit) tag = setAttr(tag, 'r', String(row.index + 1));
    if (!edit) {
      out.push(tag + xml.slice(row.openEnd, row.end));
      continue;
    }
    out.push(editedRow(xml, row, tag, edit, p, colStyle, touched));
  }
  out.push(xml.slice(copyFrom, innerEnd));
  while (k < pending.length) newRow(pending[k++]!);

  const body = out.join('');
  let result = box.selfClosing
    ? xml.slice(0, box.start) + openTagOf(xml, box).replace(/\s*\/>$/, '>') + body + `</${p}sheetData>` + xml.slice(box.end)
    : xml.slice(0, innerStart) + body + xml.slice(innerEnd);
  result = widenDimension(result, touched, box.start);
  return result;
}

function editedRow(
  xml: string,
  row: RowSpan,
  tag: string,
  edit: Map<number, CellEdit>,
  p: string,
  colStyle: (col: number) => number,
  touched: RangeRef[],
): string {
  const inner = row.selfClosing ? '' : xml.slice(row.openEnd, xml.lastIndexOf('<', row.end - 1));
  const { cells, rest } = cellsOf(inner, p, row.index);
  const a = parseAttrs(tag);
  const rowStyle = a.get('customFormat') === '1' || a.get('customFormat') === 'true' ? Number(a.get('s') ?? 0) : null;
  const base = (col: number): number => rowStyle ?? colStyle(col);
  const merged = applyEdits(cells, edit, row.index, base, p, touched);
  const onlyPosition = [...a.keys()].every((k) => k === 'r' || k === 'spans');
  if (merged.length === 0 && rest === '' && onlyPosition) return '';
  let open = tag.replace(/\s*\/>$/, '>');
  if (a.has('spans') && merged.length) {
    const cols = [...cells.keys(), ...edit.keys()];
    const [lo, hi] = (a.get('spans') ?? '').split(':').map(Number);
    const min = Math.min(lo || Infinity, ...cols.map((c) => c + 1));
    const max = Math.max(hi || 0, ...cols.map((c) => c + 1));
    open = setAttr(open, 'spans', `${min}:${max}`);
  }
  return `${open}${merged.join('')}${rest}</${p}row>`;
}

/** Merges edits into a row's cells (by column), in column order; records where values landed. */
function applyEdits(
  cells: Map<number, string>,
  edit: Map<number, CellEdit>,
  rowIndex: number,
  base: (col: number) => number,
  p: string,
  touched: RangeRef[],
): string[] {
  const cols = new Set([...cells.keys(), ...edit.keys()]);
  const out: string[] = [];
  for (const col of [...cols].sort((x, y) => x - y)) {
    const before = cells.get(col);
    const fix = edit.get(col);
    const after = fix ? fix(before === undefined ? null : existingCell(before), base(col), p) : before;
    if (after === null || after === undefined) continue;
    if (fix) touched.push({ top: rowIndex, left: col, bottom: rowIndex, right: col });
    out.push(after);
  }
  return out;
}

/** Keeps <dimension ref> (which precedes <sheetData>) covering the cells written. */
function widenDimension(xml: string, touched: RangeRef[], before: number): string {
  const dim = findElement(xml, 'dimension', 0, before);
  if (!dim || touched.length === 0) return xml;
  const tag = openTagOf(xml, dim);
  const current = parseRange(parseAttrs(tag).get('ref') ?? '');
  const all = current ? [current, ...touched] : touched;
  const union = all.reduce((u, r) => ({
    top: Math.min(u.top, r.top),
    left: Math.min(u.left, r.left),
    bottom: Math.max(u.bottom, r.bottom),
    right: Math.max(u.right, r.right),
  }));
  return xml.slice(0, dim.start) + setAttr(tag, 'ref', formatRange(union)) + xml.slice(dim.openEnd);
}

/** Where the XML after <sheetData> starts: elements placed after the cells are looked for from there. */
export function afterSheetData(xml: string): number {
  return findElement(xml, 'sheetData')?.end ?? 0;
}

/** Inserts an element that follows <sheetData> where the schema wants it: before the first existing later sibling. */
export function insertInSheet(xml: string, element: string, local: string): string {
  const later = SHEET_ORDER.slice(SHEET_ORDER.indexOf(local) + 1);
  const from = afterSheetData(xml);
  let at = -1;
  for (const name of later) {
    const s = findElement(xml, name, from);
    if (s && (at < 0 || s.start < at)) at = s.start;
  }
  if (at < 0) at = xml.lastIndexOf('</');
  return xml.slice(0, at) + element + xml.slice(at);
}

/** Adds internal hyperlinks (location only, no relationship needed), replacing any on the same cells. */
export function upsertHyperlinks(xml: string, links: { ref: string; location: string }[]): string {
  if (links.length === 0) return xml;
  const p = rootPrefix(xml, 'worksheet');
  const refs = new Set(links.map((l) => l.ref));
  const items = links.map((l) => `<${p}hyperlink ref="${l.ref}" location="${escapeAttr(l.location.replace(/^#/, ''))}"/>`);
  const box = findElement(xml, 'hyperlinks', afterSheetData(xml));
  if (!box) return insertInSheet(xml, `<${p}hyperlinks>${items.join('')}</${p}hyperlinks>`, 'hyperlinks');
  const kept = findAll(xml, 'hyperlink', box.openEnd, box.end)
    .filter((s) => !refs.has(parseAttrs(openTagOf(xml, s)).get('ref') ?? ''))
    .map((s) => xml.slice(s.start, s.end));
  const open = openTagOf(xml, box).replace(/\s*\/>$/, '>');
  const name = open.slice(1).split(/[\s>]/)[0];
  return xml.slice(0, box.start) + open + kept.join('') + items.join('') + `</${name}>` + xml.slice(box.end);
}
