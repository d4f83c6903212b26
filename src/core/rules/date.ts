import type { RuleFamily } from './family';
import type { RowRule, RowView, RuleContext } from './types';
import type { ColumnDef } from '../tables/schema';
import { cellText, isBlank, type CellValue } from '../model/cell';
import type { ParsedDate } from '../parse/date';
import { isAfter, parseDateAt } from '../parse/dateAt';
import { perTable } from './columns';

/** The value as the message quotes it: trimmed, and short enough for one line. */
function shown(v: CellValue | undefined): string {
  const t = cellText(v).trim();
  return t.length > 20 ? t.slice(0, 20) + '…' : t;
}

const dateColumnsOf = perTable((columns) => columns.filter((c) => c.type === 'date'));

function dateColumns(ctx: RuleContext): readonly ColumnDef[] {
  return dateColumnsOf(ctx.columns);
}

function read(row: RowView, col: ColumnDef, ctx: RuleContext): ParsedDate | null {
  const v = row.get(col.key);
  if (v === undefined || isBlank(v)) return null;
  return parseDateAt(v, ctx.referenceDate);
}

/**
 * date.invalid: not a date, or an impossible one. date.future: after the reference date (every
 * date column of these tables records the past). A month and day without a year is how 000's
 * template itself asks for 摸排时间 ("XX月XX日"), so it is not reported; its year is inferred as the
 * latest that keeps it on or before the reference date, marked inferred, and never used to
 * judge an order (date.order skips it).
 */
const eachDate: RowRule = {
  id: 'date.each',
  appliesTo: (columns) => dateColumnsOf(columns).length > 0,
  check(row, ctx, emit) {
    const cols = dateColumns(ctx); // none on many tables: an indexed loop allocates no iterator per row
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      const d = read(row, col, ctx);
      if (!d) continue;
      if (!d.ok) {
        const params = { column: col.label, value: shown(row.get(col.key)), reason: d.reason };
        emit({ key: col.key, rule: 'date.invalid', severity: 'error', params });
      } else if (!d.inferredYear && isAfter(d.iso, ctx.referenceDate)) {
        emit({ key: col.key, rule: 'date.future', severity: 'error', params: { column: col.label, date: d.iso, referenceDate: ctx.referenceDate } });
      }
    }
  },
};

/** date.order: 复学时间 before 辍学时间. Years the clerk did not write are not judged. */
const order: RowRule = {
  id: 'date.order',
  needs: ['dropoutDate'],
  check(row, ctx, emit) {
    const cols = dateColumns(ctx);
    const dropoutCol = cols.find((c) => c.key === 'dropoutDate');
    const returnCol = cols.find((c) => c.key === 'returnDate');
    if (!dropoutCol || !returnCol) return;
    const dropout = read(row, dropoutCol, ctx);
    const back = read(row, returnCol, ctx);
    if (!dropout?.ok || !back?.ok || dropout.inferredYear || back.inferredYear) return;
    if (!isAfter(dropout.iso, back.iso)) return;
    emit({
      key: 'returnDate',
      rule: 'date.order',
      severity: 'error',
      params: { returnDate: back.iso, dropoutDate: dropout.iso, returnLabel: returnCol.label, dropoutLabel: dropoutCol.label },
    });
  },
};

export const dateRules: RuleFamily = { row: [eachDate, order], table: [] };
