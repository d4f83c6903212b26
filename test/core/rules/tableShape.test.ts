import type { CellValue } from '../../../src/core/model/cell';
import { checkWorkbook } from '../../../src/core/check';
import { sheet, workbook } from '../../helpers/grid';
import { WAFANGDIAN_HEADER, wafangdianRow, wafangdianSheet } from './fixtures';

const REF = { referenceDate: '2019-03-01' };
const check = (rows: CellValue[][]) => checkWorkbook(workbook(wafangdianSheet(rows)), REF);
const rules = (rows: CellValue[][]) => check(rows).findings.map((f) => [f.rule, f.row]);

describe('a town\'s slice of the county list (002: 原始序号 不要删除)', () => {
  it('a slice starting at 1047 lost nothing before it', () => {
    const rows = [1047, 1048, 1049, 1050].map((n) => wafangdianRow(n));
    expect(rules(rows)).toEqual([]);
  });
  it('gaps and repeats inside the slice stay errors', () => {
    const rows = [1047, 1048, 1048, 1051].map((n, i) => wafangdianRow(n, { name: `学生${i}` }));
    expect(check(rows).findings.filter((f) => f.rule.startsWith('serial.')).map((f) => [f.rule, f.row, f.severity])).toEqual([
      ['serial.repeat', 5, 'error'],
      ['serial.gap', 6, 'error'],
    ]);
  });
  it('序号 (not 原始序号) still starts at 1', () => {
    const header = ['序号', '学校', '姓名', '性别', '年龄', '失学辍学时间', '劝返过程', '劝返结果', '班级', '备注'];
    const grid = workbook(sheet('表', [['失学辍学儿童少年统计表'], header, [3, '一中', '甲', '男', 13, '2025年9月', null, null, null, '城镇贫困户']]));
    const found = checkWorkbook(grid, REF).findings.filter((f) => f.rule === 'serial.gap');
    expect(found.map((f) => f.row)).toEqual([3]);
  });
});

describe('合计/小计/总计 rows and notes are not children', () => {
  it('"合计 共N人" under the list: no required/serial/idcard error on it, and a right count is silent', () => {
    const rows = [wafangdianRow(1), wafangdianRow(2), wafangdianRow(3), ['合计', null, null, null, '共3人']];
    const report = check(rows);
    expect(report.findings).toEqual([]);
    expect(report.tables[0]!.rows).toBe(3);
  });
  it('a 合计 row stating another number than the rows above is an error at the 合计 row', () => {
    const rows = [wafangdianRow(1), wafangdianRow(2), ['合计 共158人']];
    const f = check(rows).findings;
    expect(f.map((x) => [x.rule, x.row, x.severity])).toEqual([['totals.ledger-count', 5, 'error']]);
    expect(f[0]!.message).toContain('158');
    expect(f[0]!.message).toContain('2 人');
  });
  it('"合计" with a bare number beside it is read as the count', () => {
    expect(rules([wafangdianRow(1), ['合计', 5]])).toEqual([['totals.ledger-count', 4]]);
    expect(rules([wafangdianRow(1), ['总计', 1]])).toEqual([]);
  });
  it('a 小计 counts only its own part', () => {
    const rows = [wafangdianRow(1), wafangdianRow(2), ['小计', '2人'], wafangdianRow(3), ['小计', '1人'], ['合计', '3人']];
    expect(rules(rows)).toEqual([]);
    expect(check(rows).tables[0]!.rows).toBe(3);
  });
  it('a note inside the table does not end it: the children after it are checked', () => {
    const rows = [wafangdianRow(1), wafangdianRow(2), ['注：以下为补报学生'], wafangdianRow(3), wafangdianRow(4, { gender: 'M' })];
    const report = check(rows);
    expect(report.tables[0]!.rows).toBe(4);
    expect(report.findings.map((f) => [f.rule, f.row])).toEqual([['category.invalid', 7]]);
  });
  it('a sub-heading in a merged cell ("以下为补报学生") is neither a child nor the end', () => {
    for (const heading of ['以下为补报学生', '补报学生：', '二、转入学生']) {
      const report = check([wafangdianRow(1), [heading], wafangdianRow(2)]);
      expect(report.tables[0]!.rows).toBe(2);
      expect(report.findings).toEqual([]);
    }
  });
  it('after a note, numbering may start again at 1 (a separate list of 补报学生)', () => {
    const rows = [wafangdianRow(1), wafangdianRow(2), ['注：以下为补报学生'], wafangdianRow(1, { name: '补甲', idcard: wafangdianRow(7)[6]! }), wafangdianRow(2, { name: '补乙', idcard: wafangdianRow(8)[6]! })];
    expect(rules(rows)).toEqual([]);
  });
  it('notes under the table end it: 填表说明 lines are never children', () => {
    const rows = [wafangdianRow(1), ['注：本表由乡镇填写'], ['1.此数据为出生于2002年9月1日至2011年8月31日的儿童'], ['2.原始序号（不要删除）']];
    const report = check(rows);
    expect(report.tables[0]!.rows).toBe(1);
    expect(report.findings).toEqual([]);
  });
  it('a second table under a note is not read as children of the first', () => {
    const rows = [wafangdianRow(1), ['备注：该表要在附件4基础上填写'], ['地市', '区县', '疑似失学儿童合计', '核减项', null, '应劝返项']];
    expect(check(rows).tables[0]!.rows).toBe(1);
  });
  it('a child row with one cell filled is still a child (required errors), unless it reads as a heading', () => {
    const rows = [wafangdianRow(1), [2, null, null, null, '张三']];
    expect(rules(rows).filter(([r]) => r === 'required.missing').length).toBeGreaterThan(0);
  });
});

describe('merged county workbook (来源 column)', () => {
  const mergedSheet = (rows: CellValue[][]) => sheet('附件4', [['瓦房店市疑似失学儿童个体情况汇总表'], [...WAFANGDIAN_HEADER, '来源'], ...rows]);
  it('judges 原始序号 per 来源: two towns\' slices are not gaps or repeats', () => {
    const rows = [
      [...wafangdianRow(1047), '李官镇.xlsx / 李官镇'],
      [...wafangdianRow(1048), '李官镇.xlsx / 李官镇'],
      [...wafangdianRow(12), '许屯镇.xlsx / 许屯镇'],
      [...wafangdianRow(13), '许屯镇.xlsx / 许屯镇'],
    ];
    expect(checkWorkbook(workbook(mergedSheet(rows)), REF).findings).toEqual([]);
  });
  it('a gap inside one 来源 is still an error', () => {
    const rows = [[...wafangdianRow(12), '许屯镇.xlsx'], [...wafangdianRow(14), '许屯镇.xlsx'], [...wafangdianRow(13), '李官镇.xlsx']];
    const f = checkWorkbook(workbook(mergedSheet(rows)), REF).findings.filter((x) => x.rule.startsWith('serial.'));
    expect(f.map((x) => [x.rule, x.row])).toEqual([['serial.gap', 4]]);
  });
  it('a child in two schools is reported naming both 来源', () => {
    const child = wafangdianRow(5);
    const rows = [[...child, '一中.xlsx / 一中'], [...wafangdianRow(6), '一中.xlsx / 一中'], [...child.slice(0, 4), '同名', ...child.slice(5), '二中.xlsx / 二中']];
    const dup = checkWorkbook(workbook(mergedSheet(rows)), REF).findings.filter((x) => x.rule === 'duplicate.idcard');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message).toContain('一中.xlsx / 一中');
    expect(dup[0]!.message).toContain('二中.xlsx / 二中');
    expect(dup[0]!.message).not.toContain(String(child[6]));
  });
});
