import type { RuleFamily } from './family';
import type { Emit, FedTableRule, RowList, RowView, RuleContext } from './types';
import { cellText, isBlank } from '../model/cell';
import { isPlainId18, parseIdCard } from '../parse/idcard';
import { firstOfPairs } from './idIndex';
import { rowIdCard } from './idcard';
import { SLOT } from '../find/columnSlot';
import { grown } from '../model/typedArray';

/** 身份证号 as compared: full-width folded, spaces and quotes gone, x upper-cased. Numbers are not compared (digits lost). */
export function idKey(v: ReturnType<RowView['get']>): string | null {
  if (typeof v !== 'string') return null;
  if (isPlainId18(v)) return v; // the common case, without normalising
  const s = v.normalize('NFKC').replace(/[\s'"‘’“”]/g, '').toUpperCase();
  return /^\d{17}[\dX]$|^\d{15}$/.test(s) ? s : null;
}

function nameKey(v: ReturnType<RowView['get']>): string | null {
  if (isBlank(v)) return null;
  return cellText(v ?? null).normalize('NFKC').replace(/[\s\u3000]/g, '');
}

/** The 来源 of a merged county workbook's row, or '' outside one. */
function sourceOf(row: RowView): string {
  const v = row.valueAt(SLOT.source); // undefined without the column
  return v === undefined ? '' : cellText(v).trim();
}

/**
 * Each row's 身份证号 as the two integers its parse gives (see ParsedIdCard.digitsHigh), −1 for
 * a row whose cell is not 18 plain characters: read row by row while the row rules have just
 * parsed the number (sameChild.row), so the 100,000 strings are not read again.
 */
class Pairs {
  high = new Int32Array(1024);
  low = new Int32Array(1024);
  n = 0;

  constructor(readonly ctx: RuleContext) {}

  add(high: number, low: number): void {
    if (this.n === this.high.length) {
      this.high = grown(this.high, this.n * 2);
      this.low = grown(this.low, this.n * 2);
    }
    this.high[this.n] = high;
    this.low[this.n++] = low;
  }
}

/** The table being fed: tables are checked one at a time, row after row. */
let fed: Pairs | null = null;

/**
 * The rows without a plain number, in order: a cleaned 18-character number joins the pairs, a
 * 15-digit one and 姓名 + 出生日期 where there is no number are looked up by text. Marks in
 * `byName` the rows whose first row is found by 姓名 + 出生日期.
 */
function keyOthers(rows: RowList, pairs: Pairs, first: Int32Array, byName: Uint8Array): void {
  const byText = new Map<string, number>();
  const high = pairs.high;
  for (let i = 0; i < rows.length; i++) {
    if (high[i]! >= 0) continue;
    const row = rows.view(i)!;
    const cell = row.valueAt(SLOT.idcard);
    const id = idKey(cell); // undefined (no such column) gives null
    if (id !== null && id.length === 18) {
      const parsed = parseIdCard(id);
      high[i] = parsed.digitsHigh!;
      pairs.low[i] = parsed.digitsLow!;
      continue;
    }
    let key: string;
    if (id !== null) key = id;
    else {
      if (!isBlank(cell) || row.valueAt(SLOT.name) === undefined || row.valueAt(SLOT.birthDate) === undefined) continue;
      const name = nameKey(row.valueAt(SLOT.name));
      const birth = nameKey(row.valueAt(SLOT.birthDate));
      if (!name || !birth) continue;
      key = `\u0000${name}\u0000${birth}`; // never a number's key
      byName[i] = 1;
    }
    const earlier = byText.get(key);
    if (earlier === undefined) byText.set(key, i);
    else first[i] = earlier;
  }
}

/**
 * duplicate.idcard: the same 身份证号 on two rows; duplicate.name-birth: the same 姓名 and
 * 出生日期 where there is no number. The later row is the error; it names the earlier one and,
 * in a merged county workbook, both 来源 when two schools reported the child.
 */
const sameChild: FedTableRule = {
  id: 'duplicate.idcard',
  needs: ['idcard', 'birthDate'],
  row(view, ctx) {
    const pairs = fed !== null && fed.ctx === ctx ? fed : (fed = new Pairs(ctx));
    const cell = view.valueAt(SLOT.idcard);
    const id = typeof cell === 'string' ? rowIdCard(view) : null;
    // The parse of the cell as written (a cleaned number's key is idKey's, see keyOthers).
    if (id !== null && id.normalized === cell && id.digitsHigh !== undefined) pairs.add(id.digitsHigh, id.digitsLow!);
    else pairs.add(-1, -1);
  },
  check(rows, ctx, emit) {
    let pairs = fed;
    fed = null;
    if (pairs === null || pairs.ctx !== ctx || pairs.n !== rows.length) {
      // Not fed (a rule called on its own): read the rows here.
      pairs = fed = new Pairs(ctx);
      for (let i = 0; i < rows.length; i++) sameChild.row(rows.view(i)!, ctx, i);
      fed = null;
    }
    const byName = new Uint8Array(rows.length);
    const textFirst = new Int32Array(rows.length).fill(-1);
    keyOthers(rows, pairs, textFirst, byName);
    const first = firstOfPairs(pairs.high, pairs.low, rows.length);
    for (let i = 0; i < rows.length; i++) {
      const f = first[i]! >= 0 ? first[i]! : textFirst[i]!;
      if (f >= 0) emitDuplicate(rows.view(f)!, rows.view(i)!, byName[i] === 1, emit);
    }
  },
};

function emitDuplicate(first: RowView, row: RowView, byName: boolean, emit: Emit): void {
  const key = byName ? 'name' : 'idcard';
  const rule = byName ? 'duplicate.name-birth' : 'duplicate.idcard';
  const params: Record<string, string | number> = { row: first.rowOf(key) };
  // Both 来源 when the two rows came from different schools' files (a child reported twice).
  const a = sourceOf(first);
  const b = sourceOf(row);
  if (a && b && a !== b) {
    params.source = a;
    params.otherSource = b;
  }
  emit({ key, rule, severity: 'error', view: row, related: [first.cellOf(key)], params });
}

export const duplicateRules: RuleFamily = { row: [], table: [sameChild] };
