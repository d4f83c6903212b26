import type { RuleFamily } from './family';
import type { RowRule, RowView, RuleContext } from './types';
import type { ColumnKey } from '../tables/schema';
import { rowIdCard } from './idcard';
import { parseDateAt, isAfter } from '../parse/dateAt';
import { ageOf, fullYears } from '../parse/age';
import { SLOT } from '../find/columnSlot';

/**
 * The best birth date a row gives: a valid 身份证号 first, else a 出生日期 that has its year
 * (yyyy-mm-dd, or yyyy-mm when 出生日期 gives only the month). Its cell: birthKey.
 */
function birthOf(row: RowView, ctx: RuleContext): string | null {
  const id = rowIdCard(row);
  if (id?.birth) return id.birth;
  const v = row.valueAt(SLOT.birthDate); // undefined without the column
  if (v === undefined) return null;
  const d = parseDateAt(v, ctx.referenceDate);
  if (!d.ok || d.inferredYear) return null;
  return d.iso;
}

/** The cell a finding on birthOf's date goes on (asked only for a finding: the row's number is parsed already). */
function birthKey(row: RowView): ColumnKey {
  return rowIdCard(row)?.birth ? 'idcard' : 'birthDate';
}

type Verdict = { direction: 'young' | 'old'; age: number; key: ColumnKey };

/**
 * Judged only when sure: too young when the child does not even turn ageMin in the reference
 * date's calendar year (children enrol in the autumn of the year they turn 6), too old when
 * already past ageMax in full years at the reference date (002: 超龄 = 实际年龄超过15周岁).
 */
function verdict(row: RowView, birth: string | null, ctx: RuleContext, min: number | undefined, max: number | undefined): Verdict | null {
  if (birth?.length === 10) {
    // A birth after the reference date is idcard.birthdate's (or date.future's) finding.
    if (isAfter(birth, ctx.referenceDate)) return null;
    const turns = Number(ctx.referenceDate.slice(0, 4)) - Number(birth.slice(0, 4));
    if (min !== undefined && turns < min) return { direction: 'young', age: turns, key: birthKey(row) };
    const full = fullYears(birth, ctx.referenceDate);
    if (max !== undefined && full > max) return { direction: 'old', age: full, key: birthKey(row) };
    return null;
  }
  const age = ageOf(row.valueAt(SLOT.age)); // null without the column
  if (age === null) return null;
  if (min !== undefined && age < min) return { direction: 'young', age, key: 'age' };
  if (max !== undefined && age > max) return { direction: 'old', age, key: 'age' };
  return null;
}

/** age.out-of-range: the child is outside the table's compulsory-education age range. */
const outOfRange: RowRule = {
  id: 'age.out-of-range',
  needs: ['idcard', 'birthDate', 'age'],
  check(row, ctx, emit) {
    const { ageMin, ageMax } = ctx.settings;
    if (ageMin === undefined && ageMax === undefined) return;
    const v = verdict(row, birthOf(row, ctx), ctx, ageMin, ageMax);
    if (!v) return;
    emit({
      key: v.key,
      rule: 'age.out-of-range',
      severity: 'error',
      params: {
        direction: v.direction,
        age: v.age,
        min: ageMin ?? '',
        max: ageMax ?? '',
        source: v.key,
        referenceDate: ctx.referenceDate,
      },
    });
  },
};

/** age.birth-out-of-range: born outside the dates an issued list covers (002 附件4). */
const birthOutOfRange: RowRule = {
  id: 'age.birth-out-of-range',
  needs: ['idcard', 'birthDate', 'age'],
  check(row, ctx, emit) {
    const { birthFrom, birthTo } = ctx.settings;
    if (!birthFrom && !birthTo) return;
    const birth = birthOf(row, ctx);
    if (!birth) return;
    const early = birthFrom !== undefined && isAfter(birthFrom, birth);
    const late = birthTo !== undefined && isAfter(birth, birthTo);
    if (!early && !late) return;
    emit({
      key: birthKey(row),
      rule: 'age.birth-out-of-range',
      severity: 'error',
      params: { birth, from: birthFrom ?? '', to: birthTo ?? '' },
    });
  },
};

export const ageRules: RuleFamily = { row: [outOfRange, birthOutOfRange], table: [] };
