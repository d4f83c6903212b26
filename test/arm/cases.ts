import type { CellValue } from '../../src/core/model/cell';
import { isoToSerial } from '../../src/core/model/cell';
import type { ColumnKey, TableSettings } from '../../src/core/tables/schema';
import { syntheticId, withCheckDigit } from '../core/rules/rowFixture';
import { wafangdianRow } from '../core/rules/fixtures';

/** One row of one table, judged at a reference date: an input of a rule's own unit tests. */
export interface ArmCase {
  table: string;
  referenceDate: string;
  cells: Partial<Record<ColumnKey, CellValue>>;
  settings?: TableSettings;
}

const serial = (iso: string) => ({ t: 'date' as const, serial: isoToSerial(iso) });

// test/core/rules/idcard.test.ts
const ID_REF = '2026-03-01';
const girl = syntheticId('2014-06-15', false);
const boy = syntheticId('2013-09-01', true);
const badCheck = girl.slice(0, 17) + (girl[17] === '0' ? '1' : '0');
const wide = girl.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) + ' ';
const idInputs: Partial<Record<ColumnKey, CellValue>>[] = [
  { gender: '女', idcard: girl, age: 11 },
  { gender: '男', idcard: boy, age: 12 },
  { gender: '女', idcard: null, age: 11 },
  { gender: '女', idcard: '  ', age: null },
  { gender: null, idcard: girl, age: null },
  { gender: '女', idcard: ' ' + badCheck },
  ...[Number(girl.slice(0, 15)) * 1000, '3.60704E+17', '360721850615002', girl.slice(0, 15), girl.slice(0, 17), '不详', withCheckDigit('36070420140231024')].map(
    (idcard) => ({ gender: '女', idcard, age: 11 }),
  ),
  { idcard: syntheticId('2026-05-01', true) },
  { idcard: '11010519491231002x' },
  { idcard: wide },
  { idcard: syntheticId('2014-06-15', false, '360799') },
  { idcard: syntheticId('2014-06-15', false, '990101') },
  { gender: '男', idcard: girl },
  { gender: '女性', idcard: boy },
  { gender: '男性', idcard: boy },
  { gender: '未知', idcard: girl },
  { gender: '男', idcard: badCheck },
];

// test/core/rules/age.test.ts
const ageBirths = ['2014-06-15', '2010-03-02', '2010-03-01', '2020-12-31', '2021-01-01', '2026-06-01'];
const listBirths = ['2002-09-01', '2006-01-01', '2011-08-31', '2002-08-31', '2011-09-01', '2012-07-07'];

// test/core/rules/date.test.ts
const DATE_REF = '2026-03-18';
const surveyDates: CellValue[] = [
  '2026年3月5日', '2026.3.5', '2026-03-05', '20260305', serial('2026-03-05'), '2026年3月', null,
  '13月5日', '上周', '2026.2.30', '3月17日', '11月5日', '2026年3月19日', '2026年4月',
];
const returnDates: [CellValue, CellValue][] = [
  [serial('2025-09-02'), serial('2025-11-17')],
  ['2025年9月', serial('2025-09-01')],
  [serial('2025-09-02'), null],
  [serial('2025-10-27'), serial('2025-10-07')],
  ['10月27日', '10月7日'],
];

// test/core/rules/rowRules.test.ts (附件4 rows)
const WAFANGDIAN_KEYS: ColumnKey[] = ['originalSerial', 'province', 'city', 'county', 'name', 'gender', 'idcard', 'hukou', 'checkResult', 'returnStatus', 'remark'];
const wafangdianOver: Partial<Record<string, CellValue>>[] = [
  {},
  { checkResult: null },
  { remark: '\u3000 ' },
  { checkResult: '打工' },
  { checkResult: 'K打工务农' },
  { gender: 'M' },
  { checkResult: 'K．打工务农' },
  { checkResult: 'A.户籍原因', returnStatus: '是' },
  { checkResult: 'K.打工务农', returnStatus: '无' },
  { checkResult: 'B.在校有学籍', returnStatus: '无' },
  { checkResult: 'M.其他原因', returnStatus: '否' },
];

export const ARM_CASES: ArmCase[] = [
  ...idInputs.map((cells) => ({ table: 'ganxian-disabled', referenceDate: ID_REF, cells })),
  ...ageBirths.map((b) => ({ table: 'ganxian-disabled', referenceDate: ID_REF, cells: { idcard: syntheticId(b, true) } })),
  { table: 'ganxian-disabled', referenceDate: ID_REF, cells: { idcard: '12345', age: 17 } },
  ...listBirths.map((b) => ({ table: 'wafangdian-individual', referenceDate: ID_REF, cells: { idcard: syntheticId(b, false) } })),
  ...surveyDates.map((surveyDate) => ({ table: 'survey-ledger', referenceDate: DATE_REF, cells: { name: '甲', surveyDate } })),
  ...returnDates.map(([dropoutDate, returnDate]) => ({ table: 'ganxian-return', referenceDate: DATE_REF, cells: { dropoutDate, returnDate } })),
  ...wafangdianOver.map((over, i) => {
    const values = wafangdianRow(i + 1, over);
    const cells = Object.fromEntries(WAFANGDIAN_KEYS.map((k, c) => [k, values[c] ?? null]));
    return { table: 'wafangdian-individual', referenceDate: ID_REF, cells };
  }),
];
