import type { SheetGrid } from '../model/workbook';
import type { ColumnKey, FormDef, FormField } from '../tables/schema';
import type { RowView } from '../rules/types';
import { a1, type RangeRef } from '../model/address';
import { cellText, isBlank, type CellValue } from '../model/cell';
import { normaliseHeader } from './normalise';
import { keyOfSlot, type ColumnSlot } from './columnSlot';

/** One filled form found in a sheet. */
export interface FormMatch {
  /** 0-based row of the form's title (of its first label when the title is missing). */
  titleRow: number;
  /** The form's fields, addressed by role like a ledger row; each at its own value cell. */
  view: RowView;
  /** Fields of the definition this form lacks. */
  missing: FormField[];
  score: number;
}

interface Slot {
  value: CellValue;
  row: number;
  col: number;
}

/** A form's fields as a RowView: each key reads (and points at) the cell holding its value. */
class FormView implements RowView {
  constructor(
    readonly row: number,
    private readonly slots: ReadonlyMap<ColumnKey, Slot>,
  ) {}

  get(key: ColumnKey): CellValue | undefined {
    return this.slots.get(key)?.value;
  }

  valueAt(slot: ColumnSlot): CellValue | undefined {
    const key = keyOfSlot(slot);
    return key === undefined ? undefined : this.get(key);
  }

  has(key: ColumnKey): boolean {
    return this.slots.has(key);
  }

  cellOf(key: ColumnKey): string {
    const s = this.slots.get(key);
    return s ? a1(s.row, s.col) : a1(this.row, 0);
  }

  rowOf(key: ColumnKey): number {
    return (this.slots.get(key)?.row ?? this.row) + 1;
  }
}

/** Labels are short; longer cells are values or notes and are not normalised at all. */
const MAX_LABEL_CHARS = 16;
const MAX_TITLE_CHARS = 60;
/** Like a ledger, a form must carry most of its official labels to count. */
const MIN_FIELD_SHARE = 0.6;
/** What an unfilled 出生日期 (年 月 日) or an underline blank reads as. */
const PLACEHOLDER = /^[年月日_＿\s\u3000./-]*$/;

interface Vocabulary {
  /** normalised label → the fields printed with it (联系电话 prints three times). */
  fields: Map<string, FormField[]>;
  /** Every text that is a label, section names included: never a value. */
  labels: Set<string>;
  /** First characters of the labels: a cell starting otherwise is no label, without normalising it. */
  labelStarts: Set<string>;
  titles: string[];
  /** Last characters of the titles, for the same quick test. */
  titleEnds: string[];
  hints: Map<ColumnKey, string>;
}

function vocabulary(def: FormDef): Vocabulary {
  const fields = new Map<string, FormField[]>();
  const labels = new Set<string>();
  const hints = new Map<ColumnKey, string>();
  for (const f of [...def.preambleFields, ...def.fields]) {
    for (const l of [f.label, ...f.aliases]) {
      const n = normaliseHeader(l);
      const list = fields.get(n) ?? [];
      if (!list.includes(f)) list.push(f);
      fields.set(n, list);
      labels.add(n);
    }
    labels.add(normaliseHeader(f.section));
    if (f.hint) hints.set(f.key, normaliseHeader(f.hint));
  }
  const titles = [def.title, ...def.titleAliases].map((t) => normaliseHeader(t)).filter(Boolean);
  const labelStarts = new Set([...labels].map((l) => l[0]!));
  const titleEnds = [...new Set(titles.map((t) => t[t.length - 1]!))];
  return { fields, labels, labelStarts, titles, titleEnds, hints };
}

/** What normaliseHeader drops in front of a label (spaces, *, ·); a bracket may hold a note. */
const LEADING_MARKS = /^[\s\u3000\u00a0:：*＊·.。、_-]*(.)/;

function labelText(v: CellValue | undefined, vocab: Vocabulary): string | null {
  if (typeof v !== 'string' || v.length > MAX_LABEL_CHARS) return null;
  const first = LEADING_MARKS.exec(v)?.[1]?.normalize('NFKC');
  if (first === undefined || !(vocab.labelStarts.has(first) || first === '(' || first === '[')) return null;
  const n = normaliseHeader(v);
  return vocab.labels.has(n) ? n : null;
}

function isTitle(row: readonly CellValue[] | undefined, vocab: Vocabulary): boolean {
  if (!row) return false;
  for (const v of row) {
    if (typeof v !== 'string' || v.length > MAX_TITLE_CHARS || !vocab.titleEnds.some((e) => v.includes(e))) continue;
    const n = normaliseHeader(v);
    if (n && vocab.titles.some((t) => n.includes(t))) return true;
  }
  return false;
}

/** Last column a cell covers: itself, or the right edge of the merge it heads. */
function rightEdge(merges: readonly RangeRef[] | undefined, row: number, col: number): number {
  if (!merges) return col;
  for (const m of merges) if (m.top === row && m.left === col) return m.right;
  return col;
}

/**
 * The field a label stands for. Repeated labels (联系电话, 与被核查人关系) are told apart by the
 * label before them on the same row: the official order lists each right after it.
 */
function resolve(candidates: FormField[], previous: FormField | null, def: FormDef, taken: ReadonlySet<ColumnKey>): FormField | null {
  const free = candidates.filter((f) => !taken.has(f.key));
  if (free.length <= 1) return free[0] ?? null;
  if (previous) {
    const after = def.fields[def.fields.indexOf(previous) + 1];
    const hit = free.find((f) => f === after);
    if (hit) return hit;
  }
  return free[0]!;
}

/** The value right of a label: the cells up to the next label, pieces (2010 年 3 月) joined. */
function valueRightOf(sheet: SheetGrid, r: number, labelCol: number, vocab: Vocabulary, hint: string | undefined): Slot {
  const row = sheet.rows[r] ?? [];
  const start = rightEdge(sheet.merges, r, labelCol) + 1;
  const pieces: { v: CellValue; col: number }[] = [];
  for (let c = start; c < row.length; c++) {
    const v = row[c] ?? null;
    if (labelText(v, vocab) !== null) break;
    if (!isBlank(v)) pieces.push({ v, col: c });
  }
  const first = pieces[0];
  if (!first) return { value: null, row: r, col: start };
  const value = pieces.length === 1 ? first.v : pieces.map((p) => cellText(p.v).trim()).join('');
  const text = typeof value === 'string' ? value : null;
  if (text !== null && (PLACEHOLDER.test(text) || (hint !== undefined && normaliseHeader(text) === hint))) {
    return { value: null, row: r, col: first.col };
  }
  return { value, row: r, col: first.col };
}

/** "填表日期:2024年3月1日" in one cell: a label and its value together. */
const INLINE = /^\s*([^:：]{1,12})[:：]\s*(\S[\s\S]*)$/;

function inlineField(v: CellValue | undefined, vocab: Vocabulary): { label: string; value: string } | null {
  if (typeof v !== 'string' || v.length > MAX_TITLE_CHARS || !(v.includes(':') || v.includes('：'))) return null;
  const m = INLINE.exec(v);
  const label = m ? labelText(m[1], vocab) : null;
  return label === null ? null : { label, value: m![2]!.trim() };
}

function readForm(sheet: SheetGrid, def: FormDef, vocab: Vocabulary, from: number, to: number, titled: boolean): FormMatch | null {
  const slots = new Map<ColumnKey, Slot>();
  let firstLabelRow = -1;
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let previous: FormField | null = null;
    for (let c = 0; c < row.length; c++) {
      const inline = inlineField(row[c], vocab);
      const label = inline?.label ?? labelText(row[c], vocab);
      if (label === null) continue;
      const candidates = vocab.fields.get(label);
      if (!candidates) continue; // a section name
      const field = resolve(candidates, previous, def, new Set(slots.keys()));
      if (!field) continue;
      const value = inline && !PLACEHOLDER.test(inline.value) ? inline.value : null;
      slots.set(field.key, inline ? { value, row: r, col: c } : valueRightOf(sheet, r, c, vocab, vocab.hints.get(field.key)));
      if (firstLabelRow < 0) firstLabelRow = r;
      previous = field;
    }
  }
  const missing = def.fields.filter((f) => !slots.has(f.key));
  if (def.fields.length - missing.length < def.fields.length * MIN_FIELD_SHARE) return null;
  const titleRow = titled ? from : firstLabelRow;
  return { titleRow, view: new FormView(titleRow, slots), missing, score: slots.size - 0.5 * missing.length };
}

/**
 * Finds every filled copy of a form (004 附件5 一生一表) in a sheet: one per sheet, or several
 * stacked, each starting at its title. Fields are found by their labels wherever they sit.
 */
export function findForms(sheet: SheetGrid, def: FormDef): FormMatch[] {
  const vocab = vocabulary(def);
  const titleRows: number[] = [];
  for (let r = 0; r < sheet.rows.length; r++) if (isTitle(sheet.rows[r], vocab)) titleRows.push(r);
  if (titleRows.length === 0) {
    const form = readForm(sheet, def, vocab, 0, sheet.rows.length, false);
    return form ? [form] : [];
  }
  const forms: FormMatch[] = [];
  // Labels above the first title belong to no form of this sheet's layout; a stack starts at a title.
  for (let i = 0; i < titleRows.length; i++) {
    const form = readForm(sheet, def, vocab, titleRows[i]!, titleRows[i + 1] ?? sheet.rows.length, true);
    if (form) forms.push(form);
  }
  return forms;
}
