import type { RuleFamily } from './family';
import type { Emit, RowRule, RowView, RuleContext } from './types';
import { isBlank, type CellValue } from '../model/cell';
import { idCardSlot, parseIdCard, type IdIssue, type ParsedIdCard } from '../parse/idcard';
import { isAfter, parseDateAt } from '../parse/dateAt';
import { ageOf, fullYears } from '../parse/age';
import { normaliseItem } from '../find/normalise';
import { disabilityDigit } from '../parse/disability';
import { SLOT } from '../find/columnSlot';

/**
 * The last row's parsed number: the rules of a row ask for it in turn. The row is kept as its
 * number, not as the view, so no grid outlives its check. A right number is parsed into `slot`,
 * written over row after row: 100,000 rows make no 100,000 objects for the GC to sweep.
 */
let lastRow = -1;
let lastCell: CellValue | undefined;
let lastId: ParsedIdCard | null = null;
const slot = idCardSlot();

/**
 * The 身份证号 of a row, parsed once per row; null when the row has no such column or the cell is
 * empty. Good until the next row's call: read what you need of it, never keep it.
 */
export function rowIdCard(row: RowView): ParsedIdCard | null {
  // No has() first: valueAt() gives undefined for a column the sheet lacks (five rules ask per row).
  const v = row.valueAt(SLOT.idcard);
  // The row number first: the next row's text is not compared with this one's.
  if (row.row === lastRow && v === lastCell && typeof v !== 'object') return lastId;
  lastId = v === undefined || isBlank(v) ? null : parseIdCard(v, slot);
  lastRow = row.row;
  lastCell = v;
  return lastId;
}

function emitIssue(issue: IdIssue, emit: Emit): void {
  switch (issue.code) {
    case 'precision-lost':
      return emit({ key: 'idcard', rule: 'idcard.precision-lost', severity: 'error', params: { cause: issue.cause } });
    case 'legacy-15':
      return emit({ key: 'idcard', rule: 'idcard.legacy-15', severity: 'error', params: { checkDigit: issue.checkDigit } });
    case 'format':
      return emit({ key: 'idcard', rule: 'idcard.format', severity: 'error', params: { cause: issue.cause, length: issue.length } });
    case 'birthdate':
      return emit({ key: 'idcard', rule: 'idcard.birthdate', severity: 'error', params: { cause: 'impossible' } });
    case 'checksum':
      return emit({ key: 'idcard', rule: 'idcard.checksum', severity: 'error', params: { expected: issue.expected } });
    case 'normalise':
      return emit({ key: 'idcard', rule: 'idcard.normalise', severity: 'warning', params: { changes: issue.changes.join(',') } });
    case 'region':
      return emit({ key: 'idcard', rule: 'idcard.region', severity: 'warning', params: { status: issue.status } });
  }
}

function emitIssues(issues: readonly IdIssue[], emit: Emit): void {
  const hasError = issues.some((i) => i.code !== 'normalise' && i.code !== 'region');
  // Cleaning advice is noise while the number itself must be re-entered.
  for (const issue of issues) if (!(hasError && issue.code === 'normalise')) emitIssue(issue, emit);
}

/** The number itself: GB 11643 format, birth date, check digit, and the Excel faults around it. */
const idNumber: RowRule = {
  id: 'idcard.number',
  needs: ['idcard'],
  check(row, ctx, emit) {
    const id = rowIdCard(row);
    if (!id) return;
    if (id.issues.length > 0) emitIssues(id.issues, emit); // nearly every number has none
    if (id.birth && isAfter(id.birth, ctx.referenceDate)) {
      emit({ key: 'idcard', rule: 'idcard.birthdate', severity: 'error', params: { cause: 'future', referenceDate: ctx.referenceDate } });
    }
  },
};

function genderOf(text: string): boolean | null {
  if (text === '男' || text === '男性') return true;
  if (text === '女' || text === '女性') return false;
  return null;
}

/** 17th digit against 性别: the finding goes on 性别, the column more often mistyped. */
function checkGender(row: RowView, id: ParsedIdCard, emit: Emit): void {
  if (id.male === undefined) return;
  const v = row.valueAt(SLOT.gender); // undefined: no such column
  if (v === undefined) return;
  // A lone 男 or 女 (nearly every cell) without normalising and comparing strings.
  const one = typeof v === 'string' && v.length === 1 ? v.charCodeAt(0) : 0;
  const stated = one === 0x7537 ? true : one === 0x5973 ? false : genderOf(normaliseItem(v));
  if (stated === null || stated === id.male) return;
  emit({ key: 'gender', rule: 'idcard.gender', severity: 'error', params: { expected: id.male ? '男' : '女' } });
}

function checkBirthDate(row: RowView, id: ParsedIdCard, ctx: RuleContext, emit: Emit): void {
  if (!id.birth) return;
  const v = row.valueAt(SLOT.birthDate);
  if (v === undefined) return;
  const stated = parseDateAt(v, ctx.referenceDate);
  if (!stated.ok || stated.inferredYear) return;
  if (id.birth.slice(0, stated.iso.length) === stated.iso) return;
  emit({ key: 'birthDate', rule: 'idcard.birth-mismatch', severity: 'error', params: { birth: id.birth } });
}

/**
 * 年龄 against the birth date in the number. Tables are filled on other days than the
 * reference date (the reference date may be a school-year cut-off, before or after filling),
 * so a difference of one year is explained by timing alone; two or more never is.
 */
function checkAge(row: RowView, id: ParsedIdCard, ctx: RuleContext, emit: Emit): void {
  if (!id.birth) return;
  const stated = ageOf(row.valueAt(SLOT.age)); // null without the column
  if (stated === null) return;
  const expected = fullYears(id.birth, ctx.referenceDate);
  if (Math.abs(stated - expected) < 2) return;
  emit({
    key: 'age',
    rule: 'idcard.age-mismatch',
    severity: 'error',
    params: { expected, stated, referenceDate: ctx.referenceDate },
  });
}

/** Other columns of the same row against a valid number. */
const crossCheck: RowRule = {
  id: 'idcard.cross-check',
  needs: ['idcard'],
  check(row, ctx, emit) {
    const id = rowIdCard(row);
    if (!id?.valid) return;
    checkGender(row, id, emit);
    checkBirthDate(row, id, ctx, emit);
    checkAge(row, id, ctx, emit);
  },
};

type CertificateProblem =
  | { problem: 'number' }
  | { problem: 'format' }
  | { problem: 'prefix' }
  | { problem: 'category' | 'grade'; digit: string }
  | { problem: 'category-mismatch'; digit: string; category: string };

function certificateProblem(row: RowView, value: unknown): CertificateProblem | null {
  if (typeof value === 'number') return { problem: 'number' };
  if (typeof value !== 'string') return { problem: 'format' };
  const cert = value.normalize('NFKC').replace(/[\s'"]/g, '').toUpperCase();
  if (!/^\d{17}[\dX]\d{2}$/.test(cert)) return { problem: 'format' };
  const id = rowIdCard(row);
  if (id?.valid && cert.slice(0, 18) !== id.normalized) return { problem: 'prefix' };
  const category = cert[18]!;
  const grade = cert[19]!;
  if (category < '1' || category > '7') return { problem: 'category', digit: category };
  if (grade < '1' || grade > '4') return { problem: 'grade', digit: grade };
  const categoryCell = row.valueAt(SLOT.disabilityCategory); // undefined without the column
  if (categoryCell === undefined) return null;
  const stated = normaliseItem(categoryCell);
  const digit = disabilityDigit(stated);
  if (digit === null || String(digit) === category) return null;
  return { problem: 'category-mismatch', digit: category, category: stated };
}

/** 残疾人证号 = the 18-character 身份证号 + 残疾类别 (1–7) + 残疾等级 (1–4). */
const disabilityCertificate: RowRule = {
  id: 'idcard.disability-certificate',
  needs: ['disabilityCertificate'],
  check(row, _ctx, emit) {
    const v = row.valueAt(SLOT.disabilityCertificate); // undefined without the column
    if (v === undefined || isBlank(v)) return;
    const p = certificateProblem(row, v);
    if (p) emit({ key: 'disabilityCertificate', rule: 'idcard.disability-certificate', severity: 'error', params: p });
  },
};

export const idcardRules: RuleFamily = { row: [idNumber, crossCheck, disabilityCertificate], table: [] };
