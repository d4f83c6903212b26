import { recognise } from '../../../src/core/find/recognise';
import { canIssueNotices, collectNotices, selectNotices, type NoticeOptions } from '../../../src/core/notices/select';
import { sheet, workbook } from '../../helpers/grid';
import { dropoutRow, dropoutWorkbook, DROPOUT_ROWS } from './fixtures';
import type { CellValue } from '../../../src/core/model/cell';

const OPTS: NoticeOptions = { reportBy: '2026-12-01', unit: '城关镇人民政府', issueDate: '2026-11-20' };

function only(grid: ReturnType<typeof workbook>) {
  const tables = recognise(grid).tables;
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe('choosing the children of a 失学辍学儿童少年统计表', () => {
  const table = only(dropoutWorkbook(DROPOUT_ROWS));

  it('lists every child not yet back as lacking a guardian, since the table has no 监护人 column', () => {
    const s = selectNotices(table, OPTS);
    expect(s.notices).toEqual([]);
    expect(s.lacking.map((l) => [l.row, l.child, l.codes])).toEqual([
      [4, '甲二', ['no-guardian-column']],
      [5, '甲三', ['no-school', 'no-guardian-column']],
      [6, '甲四', ['no-guardian-column']],
    ]);
    expect(s.lacking[1]!.reason).toBe('学校未填，无法填写报到学校；表中没有监护人一栏，无法填写监护人姓名');
  });

  it('with a blank guardian line, gives a 复学通知书 to each child with a school and says the name is to be written by hand', () => {
    const s = selectNotices(table, { ...OPTS, guardianFallback: 'blank' });
    expect(s.notices.map((n) => [n.row, n.fields])).toEqual([
      [4, { kind: 'return', guardian: null, child: '甲二', school: '城关一小', reportBy: '2026-12-01', unit: '城关镇人民政府', issueDate: '2026-11-20' }],
      [6, { kind: 'return', guardian: null, child: '甲四', school: '育才中学', reportBy: '2026-12-01', unit: '城关镇人民政府', issueDate: '2026-11-20' }],
    ]);
    expect(s.lacking.map((l) => [l.row, l.codes])).toEqual([[5, ['no-school', 'no-guardian-column']]]);
    expect(s.handFill.map((l) => l.row)).toEqual([4, 6]);
    expect(s.handFill[0]!.reason).toContain('监护人处已留空');
  });

  it('takes the rows the user picked, returned or not, and lists a picked row that holds no child', () => {
    const s = selectNotices(table, { ...OPTS, rows: [7, 2, 3, 7], guardianFallback: 'blank', kind: 'enrol' });
    expect(s.notices.map((n) => [n.row, n.fields.child, n.fields.kind])).toEqual([
      [3, '甲一', 'enrol'],
      [7, '甲五', 'enrol'],
    ]);
    expect(s.lacking.map((l) => [l.row, l.child, l.codes])).toEqual([[2, '', ['not-a-child-row']]]);
  });

  it('refuses bad dates rather than print a wrong deadline', () => {
    expect(() => selectNotices(table, { ...OPTS, reportBy: '2026-02-30' })).toThrow();
  });
});

describe('choosing the children of the other lists', () => {
  it('劝返复学工作台账: those without a 复学时间', () => {
    const header = ['序号', '原就读学校', '姓名', '性别', '年龄', '辍学时间', '复学学校', '复学时间', '班级', '备注'];
    const grid = workbook(sheet('附件2', [header,
      [1, '赣县区第一中学', '乙一', '女', 13, '2025-09-02', '赣县区第一中学', '2025-11-17', '初二(4)班', '城镇贫困户'],
      [2, '赣县区第一中学', '乙二', '男', 12, '2025-12-09', null, null, null, '城镇贫困户'],
    ]));
    const s = selectNotices(only(grid), { ...OPTS, guardianFallback: 'blank' });
    expect(s.notices.map((n) => [n.row, n.fields.child, n.fields.school])).toEqual([[3, '乙二', '赣县区第一中学']]);
  });

  it('辍学学生登记汇总表: the 失学辍学 rows; 缓学休学 is a granted deferral', () => {
    const header = ['序号', '姓名', '身份证号码', '学籍所在学校', '人员类别', '登记类型', '备注'];
    const grid = workbook(sheet('附件1-2', [header,
      [1, '丙一', null, '江口小学', '城镇贫困户', '缓学休学', null],
      [2, '丙二', null, '江口小学', '城镇贫困户', '失学辍学', null],
    ]));
    const s = selectNotices(only(grid), { ...OPTS, guardianFallback: 'blank' });
    expect(s.notices.map((n) => n.fields.child)).toEqual(['丙二']);
  });

  it('残疾儿童就学台账: 入学通知书 for those not enrolled, listed for want of a school column', () => {
    const header = ['序号', '姓名', '性别', '身份证号', '年龄', '家庭住址', '监护人姓名', '联系电话', '残疾类别', '年级', '就学情况', '备注'];
    const grid = workbook(sheet('附件3', [header,
      [1, '丁一', '男', null, 9, '某村', '丁父', '13800000000', '肢体残疾', '三年级', '是', null],
      [2, '丁二', '女', null, 8, '某村', '丁母', '13800000001', '听力残疾', null, '否', null],
    ]));
    const s = selectNotices(only(grid), OPTS);
    expect(s.notices).toEqual([]);
    expect(s.lacking.map((l) => [l.row, l.child, l.codes])).toEqual([[3, '丁二', ['no-school-column']]]);
    const picked = selectNotices(only(grid), { ...OPTS, rows: [2] });
    expect(picked.lacking[0]!.reason).toBe('表中没有学校一栏，无法填写报到学校');
  });

  it('一生一表: the guardian comes from 监护人1, else 监护人2; 未复学 forms only', () => {
    const form = (name: string, guardian1: string | null, result: string): CellValue[][] => [
      ['江西省义务教育阶段辍学学生登记表'],
      ['姓名', name, '居民身份证号码', null, '出生日期', '2013年5月1日'],
      ['性别', '男', '年龄', 13, '民族', '汉'],
      ['健康情况', '健康', '全国学籍号', 'G1'],
      ['监护人1', guardian1, '与被核查人关系', '父子', '联系电话', '13800000000'],
      ['监护人2', '戊母', '与被核查人关系', '母子', '联系电话', '13800000001'],
      ['户籍所在地', '某县某村'],
      ['学籍所在地', '王母渡中学'],
      ['现居住地', '某县某村'],
      ['辍学原因', '厌学'],
      ['是否已开展劝返工作', '是', '劝返次数', 3, '劝返结果', result],
      ['未复学原因', '厌学'],
      ['劝返单位', '某镇', '劝返责任人', '王老师', '联系电话', '13800000002'],
      ['劝返过程详细记录', '1.6月1日王老师入户'],
    ];
    const grid = workbook(sheet('一生一表', [...form('戊一', '戊父', '未复学'), [], ...form('戊二', null, '未复学'), [], ...form('戊三', '戊父', '已复学')]));
    const table = only(grid);
    expect(table.def.id).toBe('jiangxi-form');
    const s = selectNotices(table, OPTS);
    expect(s.notices.map((n) => [n.row, n.fields.child, n.fields.guardian, n.fields.school])).toEqual([
      [1, '戊一', '戊父', '王母渡中学'],
      [16, '戊二', '戊母', '王母渡中学'],
    ]);
    expect(s.lacking).toEqual([]);
  });

  it('a workbook: every list that notices come from, in sheet order; 摸排情况统计表 only on request', () => {
    const survey = ['序号', '学校', '失学学生\n姓名', '性别', '摸排时间', '具体情况', '劝返责任人', '备注'];
    const grid = workbook(
      dropoutWorkbook([dropoutRow(1, '甲二', '城关一小', '2.尚未复学，拟于12月19日返校复学')]).sheets[0]!,
      sheet('摸排', [survey, [1, '实验中学', '己一', '男', '3月17日', '在家务农', '赵书记', '普通学生']]),
    );
    const tables = recognise(grid).tables;
    expect(tables.map(canIssueNotices)).toEqual([true, true]);
    const s = collectNotices(tables, { ...OPTS, guardianFallback: 'blank' });
    expect(s.notices.map((n) => [n.sheet, n.row])).toEqual([['统计表', 3]]);
    expect(selectNotices(tables[1]!, { ...OPTS, rows: [2], guardianFallback: 'blank' }).notices.map((n) => n.fields.child)).toEqual(['己一']);
  });
});
