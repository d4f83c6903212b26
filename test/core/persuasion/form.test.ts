import type { CellValue } from '../../../src/core/model/cell';
import type { SheetGrid } from '../../../src/core/model/workbook';
import type { FormDef } from '../../../src/core/tables/schema';
import type { Issue } from '../../../src/core/rules/types';
import { findForms } from '../../../src/core/find/form';
import { tableById } from '../../../src/core/tables';
import { persuasionRules } from '../../../src/core/rules/persuasion';
import { parseRange } from '../../../src/core/model/address';

const def = tableById('jiangxi-form') as FormDef;

const RECORD = [
  '1.1月5日王老师到学生家中与家长沟通，家长表示同意考虑。',
  '2.1月12日王老师电话联系监护人，学生仍不愿返校。',
  '3.1月19日王老师同村干部一起入户，学生仍不愿返校。',
].join('\n');

/** One filled 一生一表 (004 附件5) laid out as the official form, 14 rows from `title`. */
function formRows(name: string, count: CellValue): CellValue[][] {
  return [
    ['江西省义务教育阶段辍学学生登记表'],
    ['设区市:赣州市', null, '县(市、区):赣县区', null, '填表日期:2024年3月1日'],
    ['基本信息', '姓名', name, '居民身份证号码', null, '36070420100305001X'],
    [null, '出生日期', '2010年', '3月', '5日', '性别', '男', '年龄', 13, '民族', '汉'],
    [null, '健康情况', '良好', '全国学籍号', 'G36070420100305001X'],
    [null, '监护人1', '张父', '与被核查人关系', '父子', '联系电话', '13800000001'],
    [null, '监护人2', '李母', '与被核查人关系', '母子', '联系电话', '13800000002'],
    [null, '户籍所在地', '江西省赣州市赣县区某镇某村'],
    [null, '学籍所在地', '要求同上'],
    [null, '现居住地', '同户籍所在地'],
    ['辍学原因', '厌学', null, '家庭情况简述', '父母在外务工'],
    ['核查劝返情况', '是否已开展劝返工作', '是', '劝返次数', count, '劝返结果', '未复学', '未复学原因', null],
    [null, '劝返单位', '赣县区某中学', '劝返责任人', '王老师', '联系电话', '13900000003'],
    [null, '劝返过程详细记录', RECORD],
  ];
}

function grid(rows: CellValue[][]): SheetGrid {
  return { name: '一生一表', rows, merges: [parseRange('A1:K1')!, parseRange('C8:K8')!] };
}

describe('findForms', () => {
  const sheet = grid([...formRows('张三', 3), [], ...formRows('李四', 2)]);
  const forms = findForms(sheet, def);

  test('finds each stacked form at its title', () => {
    expect(forms.map((f) => f.titleRow)).toEqual([0, 15]);
    expect(forms.map((f) => f.view.get('name'))).toEqual(['张三', '李四']);
    expect(forms[0]!.missing).toEqual([]);
  });

  test('a value is the first cell right of its label that is not another label', () => {
    const v = forms[0]!.view;
    expect(v.get('idcard')).toBe('36070420100305001X');
    expect(v.cellOf('idcard')).toBe('F3');
    expect(v.get('age')).toBe(13);
    expect(v.get('reason')).toBe('厌学');
    expect(v.cellOf('reason')).toBe('B11');
  });

  test('repeated labels are told apart by the label before them on the row', () => {
    const v = forms[0]!.view;
    expect([v.get('guardianRelation'), v.get('phone'), v.cellOf('phone')]).toEqual(['父子', '13800000001', 'G6']);
    expect([v.get('guardian2Relation'), v.get('guardian2Phone'), v.cellOf('guardian2Phone')]).toEqual(['母子', '13800000002', 'G7']);
    expect([v.get('ownerPhone'), v.cellOf('ownerPhone')]).toEqual(['13900000003', 'G13']);
  });

  test('a date written in pieces (2010年 3月 5日) is read whole', () => {
    expect(forms[0]!.view.get('birthDate')).toBe('2010年3月5日');
    expect(forms[0]!.view.cellOf('birthDate')).toBe('C4');
  });

  test('an empty value points at the cell right of its label; the template’s hint reads as empty', () => {
    const v = forms[0]!.view;
    expect([v.has('notReturnedReason'), v.get('notReturnedReason'), v.cellOf('notReturnedReason')]).toEqual([true, null, 'I12']);
    expect([v.has('school'), v.get('school')]).toEqual([true, null]);
  });

  test('each field points at its own row', () => {
    const v = forms[1]!.view;
    expect(v.row).toBe(15);
    expect([v.rowOf('name'), v.rowOf('persuasionRecord'), v.cellOf('persuasionRecord')]).toEqual([18, 29, 'C29']);
  });

  test('the row rules check a form like a row', () => {
    const issues: Issue[] = [];
    const ctx = { table: def, columns: def.fields, settings: def.settings, referenceDate: '2024-03-01', sheet: sheet.name };
    for (const f of forms) for (const rule of persuasionRules.row) rule.check(f.view, ctx, (i) => issues.push({ ...i, view: f.view }));
    expect(issues.map((i) => `${i.rule}@${i.view!.cellOf(i.key)}`)).toEqual(['persuasion.stale@C14', 'persuasion.count-mismatch@E27', 'persuasion.stale@C29']);
  });

  test('labels in any place: one column of labels, values beside them, no title', () => {
    const rows: CellValue[][] = def.fields.map((f, i) => [f.label, `值${i}`]);
    const [only, ...rest] = findForms({ name: 'S', rows }, def);
    expect(rest).toEqual([]);
    expect(only!.titleRow).toBe(0);
    expect(only!.view.get('phone')).toBe(`值${def.fields.findIndex((f) => f.key === 'phone')}`);
    expect(only!.view.get('ownerPhone')).toBe(`值${def.fields.findIndex((f) => f.key === 'ownerPhone')}`);
  });

  test('labels written with spaces, colons or a required mark are still labels', () => {
    const rows: CellValue[][] = def.fields.map((f, i) => [i % 3 === 0 ? `*${f.label}` : i % 3 === 1 ? `${f.label}：` : [...f.label].join(' '), `值${i}`]);
    const [only] = findForms({ name: 'S', rows }, def);
    expect(only!.missing).toEqual([]);
    expect(def.fields.map((f) => only!.view.get(f.key))).toEqual(def.fields.map((_, i) => `值${i}`));
  });

  test('a blank official form is a form with nothing filled in', () => {
    const rows: CellValue[][] = [
      ['江西省义务教育阶段辍学学生登记表'],
      ['基本信息', '姓名', null, '居民身份证号码', null],
      [null, '出生日期', '年', '月', '日', '性别', null, '年龄', null, '民族', null],
      ...def.fields.filter((f) => !['name', 'idcard', 'birthDate', 'gender', 'age', 'ethnicity'].includes(f.key)).map((f) => [null, f.label, f.hint ?? null]),
    ];
    const [form] = findForms({ name: 'S', rows }, def);
    expect(def.fields.filter((f) => form!.view.get(f.key) !== null).map((f) => f.key)).toEqual([]);
  });

  test('a ledger is no form', () => {
    const rows: CellValue[][] = [['失学辍学儿童少年统计表'], ['区县', '序号', '姓名', '性别', '所在学校', '身份证号', '家庭住址', '失学辍学原因', '劝返过程记录', '劝返责任人', '劝返结果', '备注']];
    expect(findForms({ name: 'S', rows }, def)).toEqual([]);
  });
});
