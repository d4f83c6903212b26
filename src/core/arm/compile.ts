import { a1, columnLetter } from '../model/address';
import type { ColumnDef, ColumnKey } from '../tables/schema';
import { CHECK_RESULTS, CHECK_RESULTS_TO_RETURN } from '../tables/lists';
import { ARM_TEXTS } from '../../i18n/zh-CN/arm';
import type { ArmCheck, ArmOptions, ArmPlacement, ArmPlan, ArmValidation } from './types';
import { ARM_NAMES, blank, dateLiteral, dateValid, dayOf, idBirth, idValid, item, safe, str } from './formulas';

/** Excel's limit for a validation formula (a longer one makes Excel repair the file). */
export const MAX_VALIDATION_FORMULA = 255;
/** Excel's limit for any formula. */
export const MAX_FORMULA = 8192;
/** Marks a conditional format as ours (N of a text is 0): re-arming replaces exactly these. */
export const ARM_FORMAT_MARK = 'N("baoxue-arm")=0';

/** What idcard.number reports, but the 地址码 (a formula cannot hold the code list). */
const ID_RULES = ['idcard.format', 'idcard.checksum', 'idcard.birthdate', 'idcard.precision-lost', 'idcard.legacy-15', 'idcard.normalise'];

/** Columns whose emptiness another family reports (as in rules/required). */
const NOT_REQUIRED_HERE: ReadonlySet<ColumnKey> = new Set(['persuasionRecord', 'serial', 'originalSerial']);

class Compiler {
  readonly checks: ArmCheck[] = [];
  readonly validations: ArmValidation[] = [];
  private readonly day: string;

  constructor(
    private readonly at: ArmPlacement,
    private readonly opts: ArmOptions,
  ) {
    this.day = dayOf(opts.referenceDate);
  }

  /** The cell of `key` on the first row: column absolute, row relative. */
  ref(key: ColumnKey): string {
    return '$' + a1(this.at.firstRow, this.at.columns.get(key)!);
  }

  sqref(key: ColumnKey): string {
    const c = columnLetter(this.at.columns.get(key)!);
    return `${c}${this.at.firstRow + 1}:${c}${this.at.lastRow + 1}`;
  }

  has(key: ColumnKey): boolean {
    return this.at.columns.has(key);
  }

  check(id: string, key: ColumnKey, bad: string, rules: readonly string[]): void {
    this.checks.push({ id, key, sqref: this.sqref(key), formula: `AND(${bad},${ARM_FORMAT_MARK})`, rules, severity: 'error' });
  }

  /** A value that is there and does not pass `ok` (errors count as not passing). */
  notOk(key: ColumnKey, ok: string): string {
    return `AND(NOT(${blank(this.ref(key))}),NOT(${safe(ok)}))`;
  }

  /** Bounds of a birth date the table's settings allow: born after each of `after`, on or before each of `latest`. */
  private birthBounds(): { after: string[]; latest: string[] } {
    const { ageMin, ageMax, birthFrom, birthTo } = this.opts.settings;
    const ref = this.opts.referenceDate;
    const after: string[] = [];
    const latest: string[] = [];
    // Too young: does not turn ageMin in the judging day's calendar year; too old: past ageMax in full years.
    if (ageMin !== undefined) latest.push(ref ? dateLiteral(`${Number(ref.slice(0, 4)) - ageMin}-12-31`) : `DATE(YEAR(${this.day})-${ageMin},12,31)`);
    if (ageMax !== undefined) after.push(ref ? dateLiteral(yearsBefore(ref, ageMax + 1)) : `EDATE(${this.day},${-12 * (ageMax + 1)})`);
    if (birthFrom) after.push(`${dateLiteral(birthFrom)}-1`);
    if (birthTo) latest.push(dateLiteral(birthTo));
    return { after, latest };
  }

  idcard(): void {
    if (!this.has('idcard')) return;
    const id = this.ref('idcard');
    this.check('idcard', 'idcard', this.notOk('idcard', idValid(id, this.day)), ID_RULES);
    const { after, latest } = this.birthBounds();
    const birth = idBirth(id);
    const inRange = [...latest.map((l) => `${birth}<=${l}`), ...after.map((a) => `${birth}>${a}`)];
    if (inRange.length) {
      const bad = `AND(${safe(idValid(id, this.day, undefined, false))},NOT(${safe(`AND(${inRange.join(',')})`)}))`;
      this.check('idcard-range', 'idcard', bad, ['age.out-of-range', 'age.birth-out-of-range']);
    }
    // One validation per cell: the number and its range together, when that fits Excel's limit.
    // A child who must turn ageMin (≥ 1) this year was born before today: the day bound is implied.
    const bounds = (this.opts.settings.ageMin ?? 0) >= 1 ? latest : [this.day, ...latest];
    const latestAll = bounds.length > 1 ? `MIN(${bounds.join(',')})` : bounds[0]!;
    // The range check applies to a number the core reads as valid: its X may be lower-case.
    const afterAll = after.length > 1 ? `MAX(${after.join(',')})` : after[0];
    const whole = idValid(id, latestAll, afterAll);
    if (inRange.length && whole.length <= MAX_VALIDATION_FORMULA) this.validate('idcard', 'custom', whole, ARM_TEXTS.idcardRange(this.rangeText()));
    else this.validate('idcard', 'custom', idValid(id, this.day), ARM_TEXTS.idcard);
  }

  private rangeText(): string {
    const { ageMin, ageMax, birthFrom, birthTo } = this.opts.settings;
    return ARM_TEXTS.range({ ageMin, ageMax, birthFrom, birthTo });
  }

  gender(): void {
    if (!this.has('gender') || !this.has('idcard')) return;
    const g = item(this.ref('gender'));
    const id = this.ref('idcard');
    const male = `OR(${g}="男",${g}="男性")`;
    const stated = `OR(${male},${g}="女",${g}="女性")`;
    const bad = safe(`AND(${safe(idValid(id, '2958465', undefined, false))},${stated},${male}<>(MOD(MID(${id},17,1),2)=1))`);
    this.check('gender', 'gender', bad, ['idcard.gender']);
  }

  dates(): void {
    for (const col of this.at.defs) {
      if (col.type !== 'date') continue;
      this.check(`date-${col.key}`, col.key, this.notOk(col.key, dateValid(this.ref(col.key), this.day)), ['date.invalid', 'date.future']);
      // The full reading is too long for a validation; Excel's own date validation refuses what is no date.
      this.validate(col.key, 'date', 'DATE(1900,1,1)', ARM_TEXTS.date(col.label), this.day);
    }
  }

  returnStatus(): void {
    if (!this.has('checkResult') || !this.has('returnStatus')) return;
    const r = item(this.ref('checkResult'));
    const s = item(this.ref('returnStatus'));
    const known = `OR(${CHECK_RESULTS.map((i) => `EXACT(${r},${str(i)})`).join(',')})`;
    const toReturn = `ISNUMBER(FIND(LEFT(${r}),${str(CHECK_RESULTS_TO_RETURN.join(''))}))`;
    const bad = `AND(${known},${s}<>"",IF(${toReturn},${s}="无",OR(${s}="是",${s}="否")))`;
    this.check('return-status', 'returnStatus', bad, ['return-status.should-be-yes-no', 'return-status.should-be-none']);
  }

  required(): void {
    const filled = this.at.defs
      .filter((c) => this.has(c.key) && c.type !== 'serial' && c.key !== 'originalSerial')
      .map((c) => `NOT(${blank(this.ref(c.key))})`);
    if (filled.length === 0) return;
    const rowFilled = `OR(${filled.join(',')})`;
    for (const col of this.at.defs) {
      if (!col.required || NOT_REQUIRED_HERE.has(col.key) || !this.has(col.key)) continue;
      this.check(`required-${col.key}`, col.key, `AND(${rowFilled},${blank(this.ref(col.key))})`, ['required.missing']);
    }
  }

  lists(): void {
    for (const col of this.at.defs) {
      if (!col.list || !this.has(col.key)) continue;
      const v = item(this.ref(col.key));
      const inList = `OR(${col.list.map((i) => `EXACT(${v},${str(i)})`).join(',')})`;
      this.check(`list-${col.key}`, col.key, `AND(NOT(${blank(this.ref(col.key))}),NOT(${inList}))`, ['category.invalid', 'category.alias', 'category.misspelt']);
      const inline = col.list.join(',');
      if (inline.length <= MAX_VALIDATION_FORMULA - 2 && !col.list.some((i) => i.includes(','))) {
        this.validate(col.key, 'list', str(inline), ARM_TEXTS.list(col.label, col.list));
      }
    }
  }

  private validate(key: ColumnKey, type: ArmValidation['type'], formula: string, t: ArmTextsOf, formula2?: string): void {
    if (formula.length > MAX_VALIDATION_FORMULA) return;
    this.validations.push({
      key, sqref: this.sqref(key), type, formula, ...(formula2 ? { formula2 } : {}),
      prompt: { title: t.title, message: t.prompt }, error: { title: t.errorTitle, message: t.error }, severity: 'error',
    });
  }
}

/** The date `years` before an ISO date, as EDATE gives it (29 February → 28 February). */
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${y - years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

type ArmTextsOf = { title: string; prompt: string; errorTitle: string; error: string };

/**
 * Compiles the rules a spreadsheet can hold by itself for one table: conditional formats that
 * paint every faulty cell (typed, pasted or already there) and validations that refuse a
 * faulty value as it is typed. Formulas refer to the placement's first row; nothing here
 * knows a file format.
 */
export function compileTable(at: ArmPlacement, opts: ArmOptions): ArmPlan {
  if (at.lastRow < at.firstRow || at.columns.size === 0) return { checks: [], validations: [], names: ARM_NAMES };
  const c = new Compiler(at, opts);
  c.idcard();
  c.gender();
  c.dates();
  c.returnStatus();
  c.required();
  c.lists();
  for (const check of c.checks) if (check.formula.length > MAX_FORMULA) throw new Error(`armed formula too long: ${check.id}`);
  return { checks: c.checks, validations: c.validations, names: ARM_NAMES };
}
