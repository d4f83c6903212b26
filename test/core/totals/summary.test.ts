import type { CellValue } from '../../../src/core/model/cell';
import type { BoundLedger } from '../../../src/core/find/recognise';
import { recognise } from '../../../src/core/find/recognise';
import { ledgerSummary, planSummaries } from '../../../src/core/totals/summary';
import type { SheetSpec } from '../../../src/io/xlsx/spec';
import { formatRange } from '../../../src/core/model/address';
import { sheet, workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from '../rules/fixtures';

const DROPOUT = ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'];
const dropoutRow = (n: number, county: string, school: string, result: string, type: string): CellValue[] =>
  [county, n, `学生${n}`, '男', school, null, '某村', '厌学', '1.6月1日王老师入户', '王老师', result, type];

const REGISTER = ['序号', '姓名', '身份证号码', '学籍所在学校', '人员类别\n(建档立卡脱贫户或镇贫困户)', '登记类型', '备注'];
const registerRow = (n: number, school: string, category: string, type: string): CellValue[] => [n, `学生${n}`, null, school, category, type, null];

function ledgerOf(rows: CellValue[][]): BoundLedger {
  const t = recognise(workbook(sheet('台账', rows))).tables[0];
  if (t?.kind !== 'ledger') throw new Error('no ledger');
  return t;
}

/** The sheet's cells as rows of values, for reading a laid-out table. */
function grid(s: SheetSpec): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const c of s.cells) (rows[c.row] ??= [])[c.col] = c.value;
  return rows;
}

describe('the 汇总 sheet of a ledger', () => {
  it('counts 000 附件1 by 区县 and school against 学生类型 and 劝返结果', () => {
    const l = ledgerOf([
      DROPOUT,
      dropoutRow(1, '城关区', '一小', '1.已复学', '留守儿童'),
      dropoutRow(2, '城关区', '一小', '2.尚未复学，拟于9月1日返校复学', '普通学生'),
      dropoutRow(3, '城关区', '二中', '已复学', '留守儿童'),
      dropoutRow(4, '河西区', '三中', '1、已复学', '残疾儿童'),
    ]);
    const s = ledgerSummary(l, '汇总');
    const rows = grid(s.sheet);
    expect(rows[1]!.slice(0, 4)).toEqual(['区县', '所在学校', '合计', '学生类型']);
    expect(rows[2]!.slice(3, 9)).toEqual(['家庭经济困难学生', '残疾儿童', '留守儿童', '事实无人抚养儿童', '孤困境儿童', '普通学生']);
    expect(rows[1]![9]).toBe('劝返结果');
    expect(rows[2]!.slice(9)).toEqual(['已复学', '尚未复学']); // no 未填或不规范 column: every row is classified
    expect(rows.slice(3).map((r) => r.slice(0, 3))).toEqual([
      ['城关区', '一小', 2],
      ['城关区', '二中', 1],
      ['河西区', '三中', 1],
      ['总计', null, 4],
    ]);
    expect(rows[3]!.slice(9)).toEqual([1, 1]);
    expect(rows[6]!.slice(3, 11)).toEqual([0, 1, 2, 0, 0, 1, 3, 1]);
    expect((s.sheet.merges ?? []).map(formatRange)).toEqual(expect.arrayContaining(['A2:A3', 'C2:C3', 'D2:I2', 'J2:K2']));
  });

  it('counts 004 附件1-2 by school, 登记类型 crossed with 人员类别, with a column for what fits nowhere', () => {
    const l = ledgerOf([
      REGISTER,
      registerRow(1, '一小', '建档立卡脱贫户', '失学辍学'),
      registerRow(2, '一小', '建档立卡贫困户', '缓学休学'), // the seed's other spelling
      registerRow(3, '一小', '城镇贫困户', '失学辍学'),
      registerRow(4, '二小', '低保户', '失学辍学'),
    ]);
    const rows = grid(ledgerSummary(l, '汇总').sheet);
    expect(rows[1]!.slice(0, 6)).toEqual(['学籍所在学校', '合计', '失学辍学', null, '缓学休学', null]);
    expect(rows[2]!.slice(2)).toEqual(['建档立卡脱贫户', '城镇贫困户', '建档立卡脱贫户', '城镇贫困户', '未填或不规范']);
    expect(rows[3]).toEqual(['一小', 3, 1, 1, 1, 0, 0]);
    expect(rows[4]).toEqual(['二小', 1, 0, 0, 0, 0, 1]);
    expect(rows[5]).toEqual(['总计', 4, 1, 1, 1, 0, 1]);
  });

  it('is named 汇总, or 汇总(表名) for each of several ledgers, never taking a name in use', () => {
    const one = recognise(workbook(wafangdianSheet([wafangdianRow(1)])));
    expect(planSummaries(one, ['附件4']).map((s) => s.name)).toEqual(['汇总']);
    expect(planSummaries(one, ['附件4', '汇总']).map((s) => s.name)).toEqual(['汇总(2)']);
    const two = recognise(workbook(wafangdianSheet([wafangdianRow(1)]), sheet('台账', [REGISTER, registerRow(1, '一小', '城镇贫困户', '失学辍学')])));
    expect(planSummaries(two, ['附件4', '台账']).map((s) => s.name)).toEqual(['汇总(附件4)', '汇总(台账)']);
  });

  it('counts 002 附件4 by 区县 against 核查结果 and 复学情况', () => {
    const rows = grid(planSummaries(recognise(workbook(wafangdianSheet([wafangdianRow(1), wafangdianRow(2, { checkResult: 'A.户籍原因', returnStatus: '无' })]))), [])[0]!);
    expect(rows[1]!.slice(0, 3)).toEqual(['区县', '合计', '核查结果']);
    expect(rows[3]!.slice(0, 3)).toEqual(['瓦房店市', 2, 1]);
  });
});
