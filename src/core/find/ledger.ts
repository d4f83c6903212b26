import type { SheetGrid } from '../model/workbook';
import type { ColumnDef, ColumnKey, LedgerDef } from '../tables/schema';
import { cellText, isBlank, type CellValue } from '../model/cell';
import { normaliseHeader } from './normalise';
import { firstText, rowKind, statedCount } from './rowKind';
import { LedgerRowList, type LedgerColumns } from './rowView';
import { grown } from '../model/typedArray';

/** Rows scanned for a header. Official sheets put it under a title and a line or two of preamble. */
export const HEADER_SCAN_ROWS = 30;

export interface LedgerMatch {
  def: LedgerDef;
  /** 0-based row of the (first) header row. */
  headerRow: number;
  /** 0-based row of the last header row (headerRow + 1 for two-row headers). */
  headerEnd: number;
  /** column role → 0-based column */
  columns: Map<ColumnKey, number>;
  /** The header text as it stands in the sheet, by role. */
  labels: Map<ColumnKey, string>;
  /** Columns of the definition this sheet lacks. */
  missing: ColumnDef[];
  score: number;
}

/** A definition's labels as compared, by column; and the first characters any of them starts with. */
interface DefLabels {
  labels: string[][];
  firsts: Set<string>;
}

const defLabelsCache = new WeakMap<LedgerDef, DefLabels>();

/** Normalised once per definition: the finder tries every definition on every candidate row. */
function defLabels(def: LedgerDef): DefLabels {
  let d = defLabelsCache.get(def);
  if (!d) {
    const labels = def.columns.map((col) => [col.label, ...col.aliases].map((l) => normaliseHeader(l)));
    d = { labels, firsts: new Set(labels.flat().filter((l) => l !== '').map((l) => l[0]!)) };
    defLabelsCache.set(def, d);
  }
  return d;
}

/** Enough columns found for a sheet to be this table: three at least, and most of the official ones. */
function enough(found: number, of: number): boolean {
  return found >= Math.min(3, of) && found / of >= 0.6;
}

/** How well one header row (or two, read as one) matches a definition. */
function matchHeader(def: LedgerDef, texts: readonly string[], raw: readonly string[]): Omit<LedgerMatch, 'headerRow' | 'headerEnd'> | null {
  const { labels: wantedByCol, firsts } = defLabels(def);
  // A cell can match a label (exactly or as its start) only if it starts with a label's first
  // character: rows with too few such cells (data rows) are no header, without comparing labels.
  let possible = 0;
  for (const t of texts) if (t !== '' && firsts.has(t[0]!)) possible++;
  if (!enough(Math.min(possible, def.columns.length), def.columns.length)) return null;
  const columns = new Map<ColumnKey, number>();
  const labels = new Map<ColumnKey, string>();
  const taken = new Set<number>();
  // Exact matches first, then "starts with" (a header with an unbracketed note).
  for (const exact of [true, false]) {
    def.columns.forEach((col, k) => {
      if (columns.has(col.key)) return;
      const wanted = wantedByCol[k]!;
      const idx = texts.findIndex(
        (t, i) => !taken.has(i) && t !== '' && wanted.some((w) => (exact ? t === w : w.length >= 2 && t.startsWith(w))),
      );
      if (idx >= 0) {
        columns.set(col.key, idx);
        labels.set(col.key, raw[idx]!.replace(/\s+/g, ''));
        taken.add(idx);
      }
    });
  }
  if (!enough(columns.size, def.columns.length)) return null;
  const missing = def.columns.filter((c) => !columns.has(c.key));
  const score = columns.size - 0.5 * missing.length;
  return { def, columns, labels, missing, score };
}

/** One row's cells as compared (normalised) and as written. */
export interface RowTexts {
  norm: string[];
  raw: string[];
}

function rowTexts(sheet: SheetGrid, r: number): RowTexts {
  const row = sheet.rows[r] ?? [];
  // Array.from, not map: a row may be sparse, and holes must read as empty cells.
  return { norm: Array.from(row, (v) => normaliseHeader(v)), raw: Array.from(row, (v) => cellText(v)) };
}

/**
 * The texts of the rows a header may stand on (and the row under the last), read once per
 * sheet and shared by every definition tried on it.
 */
export function headerTexts(sheet: SheetGrid): RowTexts[] {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  return Array.from({ length: last + 1 }, (_, r) => rowTexts(sheet, r));
}

/** Reads two header rows as one: the lower cell where it has text, else the upper one. */
function mergedTexts(a: RowTexts, b: RowTexts): RowTexts {
  const n = Math.max(a.norm.length, b.norm.length);
  const norm: string[] = [];
  const raw: string[] = [];
  for (let i = 0; i < n; i++) {
    const lower = b.norm[i] ?? '';
    norm.push(lower !== '' ? lower : (a.norm[i] ?? ''));
    raw.push(lower !== '' ? (b.raw[i] ?? '') : (a.raw[i] ?? ''));
  }
  return { norm, raw };
}

/**
 * The best place in the sheet where `def`'s header stands, or null. The first of equal
 * matches wins (a header pasted again lower down is not the header), and two rows read as
 * one only when that reads better than either row alone. `texts`: the sheet's headerTexts.
 */
export function findLedgerHeader(sheet: SheetGrid, def: LedgerDef, texts: readonly RowTexts[] = headerTexts(sheet)): LedgerMatch | null {
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  const singles = texts.map((t) => matchHeader(def, t.norm, t.raw));
  let best: LedgerMatch | null = null;
  for (let r = 0; r < last; r++) {
    const single = singles[r];
    if (single && (!best || single.score > best.score)) best = { ...single, headerRow: r, headerEnd: r };
    if (r + 1 >= sheet.rows.length) continue;
    const two = mergedTexts(texts[r]!, texts[r + 1]!);
    const double = matchHeader(def, two.norm, two.raw);
    const alone = Math.max(single?.score ?? -Infinity, singles[r + 1]?.score ?? -Infinity);
    if (double && double.score > alone && (!best || double.score > best.score)) best = { ...double, headerRow: r, headerEnd: r + 1 };
  }
  return best;
}

export interface SummaryRow {
  /** 0-based grid row. */
  row: number;
  kind: 'total' | 'note';
  /** 小计 sums its own section; 合计/总计 the whole table above it. */
  subtotal: boolean;
  /** The number of children the row states ("共158人"), if it states one. */
  stated: number | null;
  /** Children above it that it sums. */
  counted: number;
}

export interface LedgerRows {
  /** The children's rows, each with its section (0, then one more after each note, sub-heading or 小计 inside the table). */
  rows: LedgerRowList;
  repeatedHeaders: number[];
  /** 合计/小计/总计 rows and notes or sub-headings inside or under the table: never children. */
  summaries: SummaryRow[];
}

/**
 * The data rows under a header: non-empty rows up to the footer or the 填表说明. A row that
 * repeats the header (a table pasted in twice) is returned in `repeatedHeaders`, not as data.
 * 合计/小计/总计 rows, notes and sub-headings are not children; a note or sub-heading ends the
 * table only when no child follows it ("注：以下为补报学生" in the middle keeps the table going).
 */
export function dataRows(sheet: SheetGrid, m: LedgerMatch, columns: LedgerColumns): LedgerRows {
  // The loop stays this small so that V8 optimises it within a few thousand rows: a big
  // function's loop runs unoptimised over tens of thousands of rows first (the CLI runs it cold).
  const scan = new RowScan(sheet, m);
  for (let r = m.headerEnd + 1; r < sheet.rows.length; r++) if (!scan.take(r)) break;
  return { rows: new LedgerRowList(sheet, columns, scan.gridRows, scan.sections, scan.children), repeatedHeaders: scan.repeatedHeaders, summaries: scan.summaries };
}

/** dataRows' state while it goes down the sheet, one row at a time. */
class RowScan {
  /** The children's grid rows and sections (see LedgerRowList); `children` of them are filled. */
  gridRows = new Int32Array(1024);
  sections = new Int32Array(1024);
  children = 0;
  readonly repeatedHeaders: number[] = [];
  readonly summaries: SummaryRow[] = [];
  private readonly serialCol: number | undefined;
  private readonly idCol: number | undefined;
  private readonly valueCols: number;
  /** Plain arrays for the per-row loops: no Map iterator on each of 100,000 rows. */
  private readonly filledCols: number[];
  private readonly headerNorm = new Map<number, string>();
  private readonly probeCol: number;
  private readonly probeHeader: string;
  /** After a note or 合计, until a child follows (if none does, the table ended there). */
  private afterNote = false;
  private section = 0;
  private sectionStart = 0;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly m: LedgerMatch,
  ) {
    const serialCols = new Set(['serial', 'originalSerial'].map((k) => m.columns.get(k as ColumnKey)).filter((c) => c !== undefined));
    this.serialCol = m.columns.get('originalSerial') ?? m.columns.get('serial');
    this.idCol = m.columns.get('idcard');
    this.valueCols = m.columns.size - serialCols.size;
    this.filledCols = [...m.columns.values()].filter((c) => !serialCols.has(c));
    for (const [, c] of m.columns) this.headerNorm.set(c, normaliseHeader(sheet.rows[m.headerEnd]?.[c] ?? null));
    [this.probeCol, this.probeHeader] = [...this.headerNorm.entries()][0] ?? [0, ''];
  }

  /** Files row `r`; false at the footer, where the table ends. */
  take(r: number): boolean {
    const row = this.sheet.rows[r];
    if (!row) return true;
    const kind = rowKind(row);
    if (kind === 'end') return false;
    if (kind !== 'data') {
      const subtotal = kind === 'total' && /^小计/.test(firstText(row));
      const counted = kind === 'total' ? (subtotal ? this.children - this.sectionStart : this.children) : 0;
      this.summaries.push({ row: r, kind, subtotal, stated: kind === 'total' ? statedCount(row) : null, counted });
      this.afterNote = true;
      return true;
    }
    if (this.repeatsHeader(row)) {
      this.repeatedHeaders.push(r);
      return true;
    }
    if (!this.anyFilled(row)) return true; // empty, or a pre-numbered empty template row
    if (this.afterNote) {
      if (!this.readsAsChild(row, this.filled(row))) return true;
      this.afterNote = false;
      this.section++;
      this.sectionStart = this.children;
    }
    this.add(r);
    return true;
  }

  private add(r: number): void {
    const i = this.children++;
    if (i === this.gridRows.length) {
      this.gridRows = grown(this.gridRows, i * 2);
      this.sections = grown(this.sections, i * 2);
    }
    this.gridRows[i] = r;
    this.sections[i] = this.section;
  }

  /** Stops at the first filled cell: reading every cell of 100,000 rows costs a cache miss each. */
  private anyFilled(row: readonly CellValue[]): boolean {
    for (let i = 0; i < this.filledCols.length; i++) if (!isBlank(row[this.filledCols[i]!])) return true;
    return false;
  }

  private filled(row: readonly CellValue[]): number {
    let filled = 0;
    for (let i = 0; i < this.filledCols.length; i++) if (!isBlank(row[this.filledCols[i]!])) filled++;
    return filled;
  }

  /** Tested only when one header cell already repeats (normalising every cell is costly). */
  private repeatsHeader(row: readonly CellValue[]): boolean {
    const v = row[this.probeCol];
    if (typeof v !== 'string' || normaliseHeader(v) !== this.probeHeader) return false;
    let headerLike = 0;
    for (const [, c] of this.m.columns) if (normaliseHeader(row[c] ?? null) === this.headerNorm.get(c)) headerLike++;
    return headerLike >= Math.max(2, Math.ceil(this.m.columns.size / 2));
  }

  /** Under a note, only a row that reads as a child goes on with the table; the rest is the note's text. */
  private readsAsChild(row: readonly CellValue[], filled: number): boolean {
    const { serialCol, idCol } = this;
    const numbered = serialCol === undefined || /^\d+$/.test(cellText(row[serialCol] ?? null).normalize('NFKC').trim());
    const hasId = idCol === undefined || /\d{6}/.test(cellText(row[idCol] ?? null));
    return filled >= Math.max(2, Math.ceil(this.valueCols / 2)) && (numbered || hasId);
  }
}
