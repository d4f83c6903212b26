import type { RuleFamily } from './family';
import type { Emit, RowView, TableRule } from './types';
import { cellText, isBlank } from '../model/cell';
import { isPlainId18 } from '../parse/idcard';
import { IdIndex } from './idIndex';
import { SLOT } from '../find/columnSlot';

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

/** Both 来源 when the two rows came from different schools' files (a child reported twice). */
function sources(first: RowView, row: RowView): Record<string, string> {
  const a = sourceOf(first);
  const b = sourceOf(row);
  return a && b && a !== b ? { source: a, otherSource: b } : {};
}

/** The rows seen so far of one table, by 身份证号 and, where there is none, by 姓名 + 出生日期. */
class FirstRows {
  private readonly byId: IdIndex<RowView>;
  private readonly byNameBirth = new Map<string, RowView>();

  constructor(
    rows: number,
    private readonly emit: Emit,
  ) {
    this.byId = new IdIndex<RowView>(rows);
  }

  /** One row: a small method, so it is optimised after a few rows instead of waiting on the loop. */
  see(row: RowView): void {
    const cell = row.valueAt(SLOT.idcard);
    // A plain number is its own key (what idKey would give): read once, not checked first.
    const plainFirst = typeof cell === 'string' ? this.byId.firstOrAddPlain(cell, row) : null;
    if (plainFirst !== null) return this.idSeen(row, plainFirst);
    const id = idKey(cell); // undefined (no such column) gives null
    if (id) return this.idSeen(row, this.byId.firstOrAdd(id, row));
    if (!isBlank(cell) || row.valueAt(SLOT.name) === undefined || row.valueAt(SLOT.birthDate) === undefined) return;
    const name = nameKey(row.valueAt(SLOT.name));
    const birth = nameKey(row.valueAt(SLOT.birthDate));
    if (!name || !birth) return;
    const key = `${name}\u0000${birth}`;
    const first = this.byNameBirth.get(key);
    if (first) {
      this.emit({ key: 'name', rule: 'duplicate.name-birth', severity: 'error', view: row, related: [first.cellOf('name')], params: { row: first.rowOf('name'), ...sources(first, row) } });
    } else this.byNameBirth.set(key, row);
  }

  private idSeen(row: RowView, first: RowView | undefined): void {
    if (first) {
      this.emit({ key: 'idcard', rule: 'duplicate.idcard', severity: 'error', view: row, related: [first.cellOf('idcard')], params: { row: first.rowOf('idcard'), ...sources(first, row) } });
    }
  }
}

/**
 * duplicate.idcard: the same 身份证号 on two rows; duplicate.name-birth: the same 姓名 and
 * 出生日期 where there is no number. The later row is the error; it names the earlier one and,
 * in a merged county workbook, both 来源 when two schools reported the child.
 */
const sameChild: TableRule = {
  id: 'duplicate.idcard',
  needs: ['idcard', 'birthDate'],
  check(rows, _ctx, emit) {
    const seen = new FirstRows(rows.length, emit);
    for (let i = 0; i < rows.length; i++) seen.see(rows[i]!);
  },
};

export const duplicateRules: RuleFamily = { row: [], table: [sameChild] };
