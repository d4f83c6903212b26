import { recognise } from '../../src/core/find/recognise';
import { checkWorkbook } from '../../src/core/check';
import { sheet, workbook } from '../helpers/grid';
import { wafangdianRow, wafangdianSheet, WAFANGDIAN_HEADER } from './rules/fixtures';

describe('finding the official tables', () => {
  it('finds 附件4 under its title, with the header notes and line breaks', () => {
    const r = recognise(workbook(wafangdianSheet([wafangdianRow(1), wafangdianRow(2)])));
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.def.id).toBe('wafangdian-individual');
    expect(t.kind === 'ledger' && t.match.headerRow).toBe(1);
    expect(t.kind === 'ledger' && t.views.map((v) => v.row)).toEqual([2, 3]); // the footer row is not data
  });

  it('finds a table whose columns come in another order, lower down, with an extra column', () => {
    const header = ['备注', '姓名', '额外的栏', '序号', '区县', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果'];
    const grid = workbook(sheet('Sheet1', [[], [], ['某县'], [], header, ['普通学生', '张三', 'x', 1, '城关区', '男', '一小', null, '某村', '厌学', '1.6月1日王老师入户，家长同意', '王老师', '1.已复学']]));
    const r = recognise(grid);
    expect(r.tables[0]?.def.id).toBe('dropout-ledger');
    expect(r.tables[0]?.kind === 'ledger' && r.tables[0].match.headerRow).toBe(4);
  });

  it('tells apart tables that share most columns (残疾儿童就学台账 and 送教上门台账)', () => {
    const disabled = ['序号', '姓名', '性别', '身份证号', '年龄', '家庭住址', '监护人姓名', '联系电话', '残疾类别\n(与残疾证保持一致)', '年级', '就学情况\n(填是否入学)', '备注'];
    const send = ['序号', '姓名', '性别', '身份证号', '年龄', '家庭住址', '监护人姓名', '联系电话', '不具备学习原因（与残疾保证保持一致）', '人员类别（建档立卡贫困户或镇贫困户）', '送教上门学校', '备注'];
    const r = recognise(workbook(sheet('a', [disabled]), sheet('b', [send])));
    expect(r.tables.map((t) => t.def.id)).toEqual(['ganxian-disabled', 'ganxian-sendteach']);
  });

  it('reports a missing required column and still checks the rest', () => {
    const header = WAFANGDIAN_HEADER.filter((h) => h !== '户籍地' && h !== '区县');
    const row = wafangdianRow(1).filter((_, i) => i !== 7 && i !== 3);
    const report = checkWorkbook(workbook(sheet('附件4', [header, row])), { referenceDate: '2019-03-01' });
    const missing = report.findings.filter((f) => f.rule === 'header.missing-column');
    expect(missing.map((f) => [f.column, f.severity])).toEqual([
      ['区县', 'error'],
      ['户籍地', 'warning'],
    ]);
  });

  it('says so when a workbook holds none of the tables, rather than guessing', () => {
    const report = checkWorkbook(workbook(sheet('成绩', [['学号', '语文', '数学'], [1, 90, 95]])));
    expect(report.tables).toEqual([]);
    expect(report.findings.map((f) => f.rule)).toEqual(['header.no-table']);
  });

  it('skips a header pasted in twice and warns about it', () => {
    const report = checkWorkbook(workbook(wafangdianSheet([wafangdianRow(1), WAFANGDIAN_HEADER, wafangdianRow(2)])), { referenceDate: '2019-03-01' });
    expect(report.tables[0]?.rows).toBe(2);
    expect(report.findings.filter((f) => f.rule === 'header.repeated').map((f) => f.row)).toEqual([4]);
  });

  it('prefers the table a template names in its defined name', () => {
    const grid = workbook(sheet('x', [['序号', '姓名', '性别', '身份证号', '年龄', '家庭住址', '监护人姓名', '联系电话', '备注']]));
    grid.definedNames = { _baoxue_template: '"ganxian-sendteach@1"' };
    expect(recognise(grid).tables[0]?.def.id).toBe('ganxian-sendteach');
  });
});
