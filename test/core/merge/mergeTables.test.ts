import { mergeTables } from '../../../src/core/merge';
import type { MergeInput } from '../../../src/core/merge';
import { sheet, workbook } from '../../helpers/grid';
import { ledgerSchema } from '../../../src/core/tables/schema';
import { wafangdianRow, wafangdianSheet } from '../rules/fixtures';
import { childId, LEDGER_HEADER, ledgerRecord, schoolSheet } from './fixtures';

const records = (school: number, count: number, name: string) => Array.from({ length: count }, (_, i) => ledgerRecord(school, i + 1, name));

/** Four schools that fill 附件1 each their own way, and three inputs that cannot be merged. */
function county(): MergeInput[] {
  const shuffled = ['姓名', '序号', '身份证号', '性别', '区县', '所在学校', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注'];
  const withExtra = [...LEDGER_HEADER.slice(0, 6), '联系电话', ...LEDGER_HEADER.slice(6)];
  const second = records(2, 4, '城关第二小学');
  second[2]!['联系电话'] = '13800000000';
  const third = records(3, 2, '城关中学');
  third[1]!['身份证号'] = childId(1, 2); // the same child as school 1's second row
  return [
    { file: 'in/01_城关第一小学.xlsx', grid: workbook(schoolSheet(LEDGER_HEADER, records(1, 3, '城关第一小学'))) },
    { file: 'in/02_城关第二小学.xlsx', grid: workbook(schoolSheet(withExtra, second, [['标题'], [], ['单位：城关二小'], []])) },
    { file: 'in/03_城关中学.xlsx', grid: workbook(schoolSheet(shuffled, third, [])) },
    { file: 'in/04_损坏.xlsx', grid: null, error: '文件已损坏或不完整' },
    { file: 'in/05_成绩.xlsx', grid: workbook(sheet('成绩', [['学号', '语文', '数学'], [1, 90, 95]])) },
    { file: 'in/06_摸排.xlsx', grid: workbook(sheet('附件2', [['序号', '学校', '失学学生姓名', '性别', '摸排时间', '具体情况', '劝返责任人', '备注'], [1, '某校', '甲', '男', '2026-05-01', '外出', '李', '普通学生']])) },
  ];
}

describe('county merge', () => {
  const all = mergeTables(county());
  const result = all.tables[0]!;
  const col = (label: string) => result.header.indexOf(label);

  it('merges every official table the inputs hold, each on its own, and keeps every row', () => {
    expect(all.tables.map((t) => [t.tableId, t.rowsIn, t.rows.length])).toEqual([['dropout-ledger', 9, 9], ['survey-ledger', 1, 1]]);
    expect(all.inputs.map((i) => [i.status, i.rows ?? null])).toEqual([
      ['merged', 3], ['merged', 4], ['merged', 2], ['rejected', null], ['rejected', null], ['merged', 1],
    ]);
    expect(all.inputs[5]!.tables).toEqual([{ template: 'survey-ledger', rows: 1, sheets: ['附件2'] }]);
  });

  it('merges both tables of one workbook, each into its own table, rows counted per table', () => {
    const both = workbook(schoolSheet(LEDGER_HEADER, records(1, 3, '一小')), ...county()[5]!.grid!.sheets);
    const r = mergeTables([{ file: 'a.xlsx', grid: both }, { file: 'b.xlsx', grid: both }]);
    expect(r.tables.map((t) => [t.tableId, t.rowsIn, t.rows.length])).toEqual([['dropout-ledger', 6, 6], ['survey-ledger', 2, 2]]);
    expect(r.inputs[0]).toMatchObject({ status: 'merged', rows: 4, tables: [{ template: 'dropout-ledger', rows: 3 }, { template: 'survey-ledger', rows: 1 }] });
    // The same child in both files is flagged within its own table.
    expect(r.findings.filter((f) => f.rule === 'merge.duplicate-child').map((f) => f.table)).toEqual([0, 0, 0]);
  });

  it('writes the official column order, then 来源, 原始序号 and the extra column', () => {
    expect(result.header).toEqual([...LEDGER_HEADER, '来源', '原始序号', '联系电话']);
    const third = result.rows[7]!; // school 3, whose columns came in another order
    expect(third[col('姓名')]).toBe('学生3-1');
    expect(third[col('区县')]).toBe('城关区');
    expect(third[col('备注')]).toBe('普通学生');
    expect(result.rows.filter((r) => r[col('联系电话')] !== null).map((r) => r[col('联系电话')])).toEqual(['13800000000']);
  });

  it('renumbers 序号 and keeps each school’s own as 原始序号', () => {
    expect(result.rows.map((r) => r[col('序号')])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.rows.map((r) => r[col('原始序号')])).toEqual([1, 2, 3, 1, 2, 3, 4, 1, 2]);
  });

  it('names the file and the school in 来源', () => {
    expect(result.rows[0]![col('来源')]).toBe('01_城关第一小学.xlsx / 城关第一小学');
    expect(result.rows[8]![col('来源')]).toBe('03_城关中学.xlsx / 城关中学');
  });

  it('says in Chinese why an input was left out', () => {
    const reasons = all.inputs.filter((i) => i.status === 'rejected').map((i) => i.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toBe('文件已损坏或不完整');
    expect(reasons[1]).toMatch(/^没有找到可识别的官方表格/);
    expect(all.findings.filter((f) => f.rule === 'merge.rejected').map((f) => f.files)).toEqual([['in/04_损坏.xlsx'], ['in/05_成绩.xlsx']]);
  });

  it('keeps the same child of two schools twice and flags it with both files', () => {
    const dup = all.findings.filter((f) => f.rule === 'merge.duplicate-child');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ severity: 'warning', idcard: childId(1, 2), files: ['in/01_城关第一小学.xlsx', 'in/03_城关中学.xlsx'], rows: [1, 8], table: 0 });
    expect(dup[0]!.message).toContain('01_城关第一小学.xlsx（附件1）第4行');
    expect(dup[0]!.message).toContain('03_城关中学.xlsx（附件1）第3行');
  });

  it('masks the number when asked', () => {
    const dup = mergeTables(county(), { mask: true }).findings.find((f) => f.rule === 'merge.duplicate-child');
    expect(dup?.idcard).toBe(childId(1, 2).slice(0, 6) + '*'.repeat(11) + childId(1, 2).slice(-1));
    expect(dup?.message).not.toContain(childId(1, 2));
  });

  it('leaves a child twice within one school to the check', () => {
    const recs = records(1, 2, '一小');
    recs[1]!['身份证号'] = recs[0]!['身份证号']!;
    const r = mergeTables([{ file: 'a.xlsx', grid: workbook(schoolSheet(LEDGER_HEADER, recs)) }]);
    expect(r.tables[0]!.rows).toHaveLength(2);
    expect(r.findings).toEqual([]);
  });

  it('keeps 附件4’s 原始序号 as issued and adds no second one', () => {
    const r = mergeTables([
      { file: '一小.xlsx', grid: workbook(wafangdianSheet([wafangdianRow(7), wafangdianRow(9)])) },
      { file: '二小.xlsx', grid: workbook(wafangdianSheet([wafangdianRow(12)])) },
    ]).tables[0]!;
    expect(r.tableId).toBe('wafangdian-individual');
    expect(r.header.filter((h) => h === '原始序号')).toHaveLength(1);
    expect(r.rows.map((row) => row[0])).toEqual([7, 9, 12]);
    expect(r.rows.map((row) => row[r.header.indexOf('来源')])).toEqual(['一小.xlsx / 一小', '一小.xlsx / 一小', '二小.xlsx / 二小']);
  });

  it('merges the table asked for, rejecting the others', () => {
    const r = mergeTables(county(), { tableId: 'survey-ledger' });
    expect(r.tables.map((t) => t.rows.length)).toEqual([1]);
    expect(r.inputs.filter((i) => i.status === 'merged').map((i) => i.file)).toEqual(['in/06_摸排.xlsx']);
    expect(r.inputs[0]!.reason).toBe('不是同一种表格：这是“失学辍学儿童少年统计表”，本次合并的是“控辍保学摸排情况统计表”');
  });

  it('merges nothing when no input holds a table, and says why for each', () => {
    const r = mergeTables([{ file: 'x.xlsx', grid: null, error: '文件已加密' }, { file: 'y.xlsx', grid: workbook(sheet('s', [['a', 'b']])) }]);
    expect(r.tables).toEqual([]);
    expect(r.inputs.map((i) => i.reason)).toEqual(['文件已加密', '没有找到可识别的官方表格。请确认表头是否完整、是否选错了文件']);
  });

  it('names an extra column without a header by where it stood', () => {
    const recs = records(1, 1, '一小');
    const grid = workbook(schoolSheet(LEDGER_HEADER, recs));
    grid.sheets[0]!.rows[2]!.push(null, null, '补充说明');
    const r = mergeTables([{ file: 'a.xlsx', grid }]).tables[0]!;
    expect(r.header.at(-1)).toBe('无表头列（原O列）');
    expect(r.rows[0]!.at(-1)).toBe('补充说明');
  });

  it('takes the same 姓名 and 出生日期 for the same child where there is no number', () => {
    const def = ledgerSchema.parse({
      id: 'birth-ledger', version: 1, kind: 'ledger', source: 'test', title: '出生登记',
      columns: [
        { key: 'serial', label: '序号', type: 'serial' },
        { key: 'name', label: '姓名', type: 'text' },
        { key: 'birthDate', label: '出生日期', type: 'date' },
        { key: 'idcard', label: '身份证号', type: 'idcard' },
      ],
    });
    const school = (rows: (string | number | null)[][]) => workbook(sheet('s', [['序号', '姓名', '出生日期', '身份证号'], ...rows]));
    const r = mergeTables(
      [
        { file: 'a.xlsx', grid: school([[1, '王 小明', '2012-03-04', null], [2, '李四', '2012-01-01', childId(1, 1)]]) },
        { file: 'b.xlsx', grid: school([[1, '王小明', '2012年3月4日', null], [2, '李四', '2012-01-01', childId(1, 2)]]) },
      ],
      { tables: [def], mask: true },
    );
    const dup = r.findings.filter((f) => f.rule === 'merge.duplicate-child');
    expect(dup.map((f) => [f.rows, f.idcard])).toEqual([[[0, 2], undefined]]);
    expect(dup[0]!.message).toContain('王**');
    expect(dup[0]!.message).toContain('2012-03-04');
  });
});
