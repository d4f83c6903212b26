import { dateRules } from '../../../src/core/rules/date';
import { renderRule } from '../../../src/i18n/zh-CN/rules';
import { isoToSerial } from '../../../src/core/model/cell';
import type { Issue } from '../../../src/core/rules/types';
import { contextOf, rowOf, run } from './rowFixture';

const REF = '2026-03-18';

function check(cells: Parameters<typeof rowOf>[0], tableId: string): Issue[] {
  const row = rowOf(cells);
  return run(dateRules, row, contextOf(tableId, row, { referenceDate: REF }));
}
const brief = (issues: Issue[]) => issues.map((i) => `${i.key} ${i.rule} ${i.severity}`);
const texts = (issues: Issue[]) => issues.map((i) => renderRule(i.rule, i.params).message);
const serial = (iso: string) => ({ t: 'date' as const, serial: isoToSerial(iso) });

describe('date rules on 摸排时间 (000 附件2)', () => {
  test('full dates in the clerks’ forms pass', () => {
    for (const v of ['2026年3月5日', '2026.3.5', '2026-03-05', '20260305', serial('2026-03-05'), '2026年3月']) {
      expect(check({ name: '甲', surveyDate: v }, 'survey-ledger')).toEqual([]);
    }
  });

  test('empty cells and other columns are not judged', () => {
    expect(check({ name: '甲', surveyDate: null }, 'survey-ledger')).toEqual([]);
    expect(check({ name: '13月5日', surveyDate: '2026.3.5' }, 'survey-ledger')).toEqual([]);
  });

  test('an impossible or unreadable date is an error', () => {
    const issues = check({ surveyDate: '13月5日' }, 'survey-ledger');
    expect(brief(issues)).toEqual(['surveyDate date.invalid error']);
    expect(texts(issues)).toEqual(['“摸排时间”填写的“13月5日”不是真实存在的日期']);
    expect(texts(check({ surveyDate: '上周' }, 'survey-ledger'))).toEqual(['“摸排时间”填写的“上周”无法识别为日期']);
    expect(brief(check({ surveyDate: '2026.2.30' }, 'survey-ledger'))).toEqual(['surveyDate date.invalid error']);
  });

  test('month and day only, as the 000 template asks (XX月XX日), is accepted, never as the future', () => {
    expect(check({ surveyDate: '3月17日' }, 'survey-ledger')).toEqual([]);
    // Later in the year than the reference date: taken as last year, not as a future date.
    expect(check({ surveyDate: '11月5日' }, 'survey-ledger')).toEqual([]);
  });

  test('a date after the reference date is an error', () => {
    const issues = check({ surveyDate: '2026年3月19日' }, 'survey-ledger');
    expect(brief(issues)).toEqual(['surveyDate date.future error']);
    expect(texts(issues)).toEqual([`“摸排时间”是 2026-03-19，晚于检查基准日 ${REF}`]);
    expect(brief(check({ surveyDate: '2026年4月' }, 'survey-ledger'))).toEqual(['surveyDate date.future error']);
    expect(check({ surveyDate: '2026年3月' }, 'survey-ledger')).toEqual([]);
  });
});

describe('date.order on 辍学时间 / 复学时间 (004 附件2)', () => {
  test('复学 after 辍学 passes, also on the same day or month', () => {
    expect(check({ dropoutDate: serial('2025-09-02'), returnDate: serial('2025-11-17') }, 'ganxian-return')).toEqual([]);
    expect(check({ dropoutDate: '2025年9月', returnDate: serial('2025-09-01') }, 'ganxian-return')).toEqual([]);
    expect(check({ dropoutDate: serial('2025-09-02'), returnDate: null }, 'ganxian-return')).toEqual([]);
  });

  test('复学 before 辍学 is an error on 复学时间', () => {
    const issues = check({ dropoutDate: serial('2025-10-27'), returnDate: serial('2025-10-07') }, 'ganxian-return');
    expect(brief(issues)).toEqual(['returnDate date.order error']);
    expect(texts(issues)).toEqual(['“复学时间”（2025-10-07）早于“辍学时间”（2025-10-27）']);
  });

  test('years the clerk did not write are not judged for order', () => {
    expect(check({ dropoutDate: '10月27日', returnDate: '10月7日' }, 'ganxian-return')).toEqual([]);
  });
});

describe('a time of day in any date column (issue 17 item 4)', () => {
  test('摸排时间, 辍学时间 and 复学时间 accept "上午/下午/晚上"', () => {
    expect(check({ name: '甲', surveyDate: '3月5日上午' }, 'survey-ledger')).toEqual([]);
    expect(check({ dropoutDate: '2025年9月2日下午', returnDate: '2025年11月17日晚上' }, 'ganxian-return')).toEqual([]);
  });
  test('a time of day does not hide a date in the future or an order error', () => {
    expect(brief(check({ surveyDate: '2026年3月20日上午' }, 'survey-ledger'))).toEqual(['surveyDate date.future error']);
    expect(brief(check({ dropoutDate: '2025年10月27日上午', returnDate: '2025年10月7日下午' }, 'ganxian-return'))).toEqual(['returnDate date.order error']);
  });
});
