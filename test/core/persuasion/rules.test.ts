import type { CellValue } from '../../../src/core/model/cell';
import type { ColumnKey } from '../../../src/core/tables/schema';
import type { Issue } from '../../../src/core/rules/types';
import { persuasionRules } from '../../../src/core/rules/persuasion';
import { renderRule } from '../../../src/i18n/zh-CN/rules';
import { contextOf, rowOf, run } from '../rules/rowFixture';
import { checkWorkbook } from '../../../src/core/check';
import { dropoutRow, dropoutWorkbook } from '../notices/fixtures';

const REF = '2024-03-01';
const COMPLETE = [
  '1.1月5日王老师到学生家中与家长沟通，家长表示同意考虑。',
  '2.1月12日王老师电话联系监护人，学生仍不愿返校。',
  '3.1月19日网格员孙某同村干部一起入户，家长同意下周送孩子返校。',
].join('\n');

type Cells = Partial<Record<ColumnKey, CellValue>>;

/** A 失学辍学儿童少年统计表 row (000 附件1) checked at REF. */
function ledger(cells: Cells, settings?: { persuasionMinAttempts?: number; reportingPeriodDays?: number }): Issue[] {
  const row = rowOf({ name: '学生甲', persuasionRecord: COMPLETE, persuasionOwner: '王老师', persuasionResult: '1.已复学', ...cells });
  const ctx = contextOf('dropout-ledger', row, { referenceDate: REF, settings });
  return run(persuasionRules, row, ctx);
}

/** A 一生一表 (004 附件5) checked at REF. */
function form(cells: Cells): Issue[] {
  const row = rowOf({ persuasionDone: '是', persuasionCount: 3, persuasionResult: '已复学', persuasionOwner: '王老师', persuasionRecord: COMPLETE, ...cells });
  return run(persuasionRules, row, contextOf('jiangxi-form', row, { referenceDate: REF }));
}

const rules = (issues: Issue[]) => issues.map((i) => `${i.rule}:${i.severity}`);
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error').map((i) => i.rule);

test('a complete record gets no finding at all', () => {
  expect(ledger({})).toEqual([]);
  expect(form({})).toEqual([]);
});

test('every rule id this family emits has its Chinese text', () => {
  const issues = [
    ...ledger({ persuasionRecord: null }),
    ...ledger({ persuasionRecord: '1.王老师入户。2.2月3日同村干部一起入户。3.13月5日王老师入户，家长同意。4.2025年1月1日王老师入户，家长同意。' }),
    ...ledger({ persuasionRecord: '1.1月10日王老师入户，家长同意。2.1月3日王老师入户，家长同意。', persuasionOwner: '赵书记', persuasionResult: '2.尚未复学' }),
    ...form({ persuasionCount: 5, persuasionDone: '否' }),
  ];
  expect(new Set(issues.map((i) => i.rule)).size).toBe(11);
  for (const id of ['persuasion.unclear-date', 'persuasion.unclear-person', 'persuasion.unclear-result']) {
    expect(renderRule(id, { attempts: '1' }).message).toMatch(/^第1次/);
  }
  for (const i of issues) expect(renderRule(i.rule, i.params).message).not.toMatch(/undefined/);
});

describe('persuasion.missing', () => {
  test.each([null, '', '　', '无', '/', '—'])('a record of %p is missing (error)', (record) => {
    expect(rules(ledger({ persuasionRecord: record }))).toEqual(['persuasion.missing:error']);
  });

  test('returned children need a record too', () => {
    expect(errors(ledger({ persuasionRecord: null, persuasionResult: '1.已复学' }))).toEqual(['persuasion.missing']);
  });

  test('a record written on an attached page is not missing and is not checked here', () => {
    expect(ledger({ persuasionRecord: '详见附页' })).toEqual([]);
  });

  test('a table without the column is not this rule’s business', () => {
    const row = rowOf({ name: '学生甲', persuasionOwner: '王老师' });
    expect(run(persuasionRules, row, contextOf('survey-ledger', row, { referenceDate: REF }))).toEqual([]);
  });
});

describe('persuasion.no-date / no-person / no-result', () => {
  test('an attempt without a date is an error naming it', () => {
    const issues = ledger({ persuasionRecord: '1.1月5日王老师入户，家长同意。\n2.王老师电话联系，学生仍不愿返校。' });
    const found = issues.filter((i) => i.rule === 'persuasion.no-date');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', key: 'persuasionRecord', params: { attempts: '2' } });
    expect(renderRule('persuasion.no-date', found[0]!.params).message).toBe('第2次劝返没有写明日期');
  });

  test('an attempt naming only the company kept is an error (no one did it)', () => {
    const issues = ledger({ persuasionRecord: '1.1月5日同村干部一起入户宣传控辍保学政策，未见到学生本人。\n2.1月9日王老师入户，家长同意。' });
    expect(issues.filter((i) => i.rule === 'persuasion.no-person').map((i) => i.params?.attempts)).toEqual(['1']);
  });

  test('an attempt without a result is an error where the form asks 结果如何 (004), a warning where it does not (000)', () => {
    const record = '1.1月5日王老师到学生家中讲解资助政策。\n2.1月9日王老师入户，家长同意。';
    expect(errors(form({ persuasionRecord: record, persuasionCount: 2 }))).toEqual(['persuasion.no-result']);
    expect(rules(ledger({ persuasionRecord: record })).filter((r) => r.startsWith('persuasion.no-'))).toEqual(['persuasion.no-result:warning']);
  });

  test('an impossible date is an error', () => {
    const issues = ledger({ persuasionRecord: '1.1月5日王老师入户，家长同意。\n2.13月5日王老师入户，家长同意。' });
    expect(errors(issues)).toEqual(['persuasion.bad-date']);
  });

  test.each([
    '1.1月5日王老师入户，家长同意考虑。\n2.1月9日李老师电话联系，学生仍不愿返校。\n3.2月1日赵书记入户，学生已返校。',
    '①1月5日王老师入户，家长同意考虑 ②1月9日网格员孙某入户，未见到学生本人 ③1月20日张校长入户，学生同意返校',
    '第一次：2023年12月5日班主任李明电话联系，家长答应考虑。第二次：2024年1月5日李明老师入户，学生拒绝。第三次：2024年2月5日李明老师入户，学生已返校。',
    '12月1日 刘主任 电话 家长同意考虑\n12月8日 刘主任 入户 学生仍不愿返校\n12月15日 刘主任、王老师 入户 学生已返校',
  ])('a record whose attempts all have date, person and result never gets an error: %s', (record) => {
    expect(errors(ledger({ persuasionRecord: record }))).toEqual([]);
  });

  test('the attempts are attached to the finding', () => {
    const [issue] = ledger({ persuasionRecord: '1.王老师入户，家长同意。\n2.王老师入户，学生已返校。' }).filter((i) => i.rule === 'persuasion.no-date');
    expect(issue!.attempts?.map((a) => a.text)).toEqual(['王老师入户，家长同意', '王老师入户，学生已返校']);
  });
});

describe('records in natural prose (issue 17 item 3)', () => {
  test.each([
    '1.3月5日，镇分管领导孙敏带队入户，家长称孩子随父母在外，春节后回来。\n2.3月12日，孙敏电话联系家长，家长答应月底带孩子回来。\n3.3月20日，孙敏再次入户，学生已于当日到校报到上课。',
    '1.1月8日帮扶责任人王建国入户走访，当场签订承诺书。\n2.1月15日驻村第一书记刘洋、网格员陈静到家中做思想工作，劝返未果。\n3.1月22日民警李伟上门，家长不让进门。',
    '1.1月5日，李明到学生家中，学生称不想读书。\n2.1月12日，李明和王刚再次上门，家长说再劝劝孩子。\n3.1月19日，王刚电话联系家长，家长已把孩子送到学校。',
  ])('roles, bare names and results stated in prose raise no error: %s', (record) => {
    expect(errors(form({ persuasionRecord: record }))).toEqual([]);
  });

  test('the child’s own name is not the person who went', () => {
    const record = '1.1月5日张小明到校报到，家长同意。\n2.1月9日王老师入户，家长同意。\n3.1月19日王老师入户，学生已返校。';
    expect(errors(ledger({ name: '张小明', persuasionRecord: record }))).toEqual(['persuasion.no-person']);
    expect(errors(ledger({ name: '李四', persuasionRecord: record }))).toEqual([]);
  });

  test('a time only guessed at (春节期间) is a warning, not an error', () => {
    const issues = form({ persuasionRecord: '1.春节期间王老师入户，家长同意考虑。\n2.2月20日王老师电话联系，学生仍不愿返校。\n3.2月27日王老师入户，学生已返校。' });
    expect(rules(issues)).toEqual(['persuasion.unclear-date:warning']);
    expect(renderRule('persuasion.unclear-date', issues[0]!.params).message).toBe('第1次劝返只写了大致时间，没有写明具体日期');
  });

  test('次日 is a date, told by the attempt before', () => {
    expect(form({ persuasionRecord: '1.2月5日王老师入户，家长同意考虑。\n2.次日王老师电话联系，学生仍不愿返校。\n3.2月27日王老师入户，学生已返校。' })).toEqual([]);
  });

  test('the writer as "我" is a warning: someone went, but who is not written', () => {
    const issues = form({ persuasionRecord: '1.2月5日我到学生家中，家长同意考虑。\n2.2月20日王老师电话联系，学生仍不愿返校。\n3.2月27日王老师入户，学生已返校。' });
    expect(rules(issues)).toEqual(['persuasion.unclear-person:warning']);
  });

  test('what was learnt, with no outcome, is a warning', () => {
    const issues = form({ persuasionRecord: '1.2月5日王老师入户，了解到孩子在浙江打工。\n2.2月20日王老师电话联系，学生仍不愿返校。\n3.2月27日王老师入户，学生已返校。' });
    expect(rules(issues)).toEqual(['persuasion.unclear-result:warning']);
  });
});

describe('persuasion.future and persuasion.order', () => {
  test('a written date after the reference date is an error', () => {
    const issues = ledger({ persuasionRecord: '1.2024年1月5日王老师入户，家长同意。\n2.2024年5月1日王老师入户，学生已返校。' });
    expect(issues.filter((i) => i.rule === 'persuasion.future')).toMatchObject([{ severity: 'error', params: { attempt: 2, date: '2024-05-01' } }]);
  });

  test('a yearless date is never in the future: it belongs to the year before', () => {
    expect(errors(ledger({ persuasionRecord: '1.2月5日王老师入户，家长同意。\n2.2月20日王老师入户，学生已返校。\n3.2月28日王老师入户，学生已返校。' }))).toEqual([]);
  });

  test('dates out of order are an error', () => {
    const issues = ledger({ persuasionRecord: '1.2月10日王老师入户，家长同意。\n2.2月3日王老师入户，学生仍不愿返校。\n3.2月20日王老师入户，学生已返校。' });
    const order = issues.filter((i) => i.rule === 'persuasion.order');
    expect(order).toMatchObject([{ severity: 'error', params: { earlier: 1, later: 2, inferred: 1 } }]);
    expect(renderRule('persuasion.order', order[0]!.params).message).toContain('年份按核查日期推定');
  });

  test('December then January reads in order (the year turns)', () => {
    expect(errors(ledger({ persuasionRecord: '1.12月20日王老师入户，家长同意。\n2.1月8日王老师入户，学生仍不愿返校。\n3.2月1日王老师入户，学生已返校。' }))).toEqual([]);
  });

  test('a month-precision date is not out of order with a day in the same month', () => {
    expect(errors(ledger({ persuasionRecord: '1.2023年12月王老师多次电话联系，家长同意。\n2.2023年12月3日王老师入户，学生仍不愿返校。\n3.2024年1月2日王老师入户，学生已返校。' }))).toEqual([]);
  });
});

describe('persuasion.too-few', () => {
  test('fewer attempts than the table asks is a warning only', () => {
    const issues = ledger({ persuasionRecord: '1.1月5日王老师入户，家长同意。\n2.1月9日王老师入户，学生已返校。' });
    expect(rules(issues)).toEqual(['persuasion.too-few:warning']);
    expect(renderRule('persuasion.too-few', issues[0]!.params).message).toBe('劝返记录只有 2 次，少于要求的 3 次');
  });

  test('the setting decides (003 asks 5)', () => {
    expect(rules(ledger({}, { persuasionMinAttempts: 5 }))).toEqual(['persuasion.too-few:warning']);
    expect(ledger({}, { persuasionMinAttempts: 3 })).toEqual([]);
  });
});

describe('persuasion.count-mismatch', () => {
  test.each([3, '3', '3次', '三次', '３'])('劝返次数 %p agrees with three attempts', (count) => {
    expect(form({ persuasionCount: count })).toEqual([]);
  });

  test('劝返次数 that disagrees with the attempts written is an error', () => {
    const issues = form({ persuasionCount: 5 });
    expect(issues).toMatchObject([{ rule: 'persuasion.count-mismatch', key: 'persuasionCount', severity: 'error', params: { declared: 5, written: 3 } }]);
    expect(renderRule('persuasion.count-mismatch', issues[0]!.params).message).toBe('劝返次数填 5，劝返过程记录写了 3 次');
  });

  test('是否已开展劝返工作 否 with attempts written is an error', () => {
    expect(form({ persuasionDone: '否' })).toMatchObject([{ rule: 'persuasion.count-mismatch', key: 'persuasionDone', params: { kind: 'done-no' } }]);
  });

  test('是否已开展劝返工作 是 with no record is an error, besides the record missing', () => {
    const issues = form({ persuasionRecord: null, persuasionCount: 0 });
    expect(issues.map((i) => `${i.rule}@${i.key}`).sort()).toEqual(['persuasion.count-mismatch@persuasionDone', 'persuasion.missing@persuasionRecord']);
  });

  test('否 with 0 and no record agree (the record is still missing)', () => {
    expect(errors(form({ persuasionRecord: null, persuasionCount: 0, persuasionDone: '否' }))).toEqual(['persuasion.missing']);
  });
});

describe('persuasion.owner-absent', () => {
  test.each([
    ['网格员孙某', '1.1月5日孙某入户，家长同意。2.1月9日孙某入户，学生仍不愿返校。3.1月19日孙某入户，学生已返校。'],
    ['孙某', COMPLETE],
    ['张校长', '1.1月5日校长张某入户，家长同意。2.1月9日校长张某入户，学生仍不愿返校。3.1月19日校长张某入户，学生已返校。'],
    ['校长张某', '1.1月5日张校长入户，家长同意。2.1月9日张校长入户，学生仍不愿返校。3.1月19日张校长入户，学生已返校。'],
    ['王老师、李老师', COMPLETE],
    ['村干部', COMPLETE],
  ])('owner %s is found in the record', (owner, record) => {
    expect(ledger({ persuasionOwner: owner, persuasionRecord: record })).toEqual([]);
  });

  test('an owner who took part in no attempt is a warning, never an error', () => {
    const issues = ledger({ persuasionOwner: '赵书记' });
    expect(rules(issues)).toEqual(['persuasion.owner-absent:warning']);
    expect(issues[0]!.key).toBe('persuasionOwner');
  });
});

describe('persuasion.stale', () => {
  const OLD = '1.11月5日王老师入户，家长同意考虑。\n2.11月20日王老师入户，学生仍不愿返校。\n3.12月1日王老师入户，学生仍不愿返校。';

  test('an open case whose last attempt is older than the reporting period is a warning', () => {
    const issues = ledger({ persuasionRecord: OLD, persuasionResult: '2.尚未复学，拟于3月20日返校复学' });
    expect(issues).toMatchObject([{ rule: 'persuasion.stale', severity: 'warning', params: { last: '2023-12-01', days: 91, period: 31 } }]);
  });

  test('a returned child is no open case', () => {
    expect(ledger({ persuasionRecord: OLD, persuasionResult: '1.已复学' })).toEqual([]);
  });

  test('a recent attempt keeps the case fresh', () => {
    const record = `${OLD}\n4.2月20日王老师入户，学生仍不愿返校。`;
    expect(ledger({ persuasionRecord: record, persuasionResult: '2.尚未复学，拟于3月20日返校复学' })).toEqual([]);
  });

  test('the 一生一表 says 未复学', () => {
    expect(form({ persuasionRecord: OLD, persuasionResult: '未复学' }).map((i) => i.rule)).toEqual(['persuasion.stale']);
  });
});

describe('each row read for itself', () => {
  // The check reads every row of a ledger through one view moved from row to row: a record
  // parsed for one row must not answer for the next row's same text (the child differs).
  test('the same record under two children: a bare name is the child on one row, a person on the other', () => {
    const record = '1.6月1日王小明入户，家长同意';
    const rows = [dropoutRow(1, '王小明', '红旗小学', '1.已复学'), dropoutRow(2, '李四', '红旗小学', '1.已复学')].map((r) => {
      r[8] = record;
      return r;
    });
    const found = checkWorkbook(dropoutWorkbook(rows), { referenceDate: REF }).findings.filter((f) => f.rule === 'persuasion.no-person');
    expect(found.map((f) => f.row)).toEqual([3]);
  });
});
