import { ageRules } from '../../../src/core/rules/age';
import { renderRule } from '../../../src/i18n/zh-CN/rules';
import type { TableSettings } from '../../../src/core/tables/schema';
import type { Issue } from '../../../src/core/rules/types';
import { contextOf, rowOf, run, syntheticId } from './rowFixture';

const REF = '2026-03-01';

function check(cells: Parameters<typeof rowOf>[0], tableId: string, settings?: TableSettings): Issue[] {
  const row = rowOf(cells);
  return run(ageRules, row, contextOf(tableId, row, { referenceDate: REF, settings }));
}
const brief = (issues: Issue[]) => issues.map((i) => `${i.key} ${i.rule} ${i.severity}`);

describe('age.out-of-range (ages 6–15)', () => {
  test('from the 身份证号: the finding is on the number', () => {
    expect(check({ idcard: syntheticId('2014-06-15', false) }, 'ganxian-disabled')).toEqual([]);
  });

  test('too old: past 15 in full years at the reference date', () => {
    expect(check({ idcard: syntheticId('2010-03-02', true) }, 'ganxian-disabled')).toEqual([]); // 15, one day short of 16
    const old = check({ idcard: syntheticId('2010-03-01', true) }, 'ganxian-disabled'); // 16 on the reference date
    expect(brief(old)).toEqual(['idcard age.out-of-range error']);
    expect(renderRule('age.out-of-range', old[0]!.params).message).toBe(
      `按身份证号，到 ${REF} 已满 16 周岁，超出本表的适龄范围（6–15 周岁）`,
    );
  });

  test('too young: does not turn 6 even by the end of the reference year (enrolment is in the autumn)', () => {
    expect(check({ idcard: syntheticId('2020-12-31', true) }, 'ganxian-disabled')).toEqual([]); // turns 6 in 2026
    const young = check({ idcard: syntheticId('2021-01-01', true) }, 'ganxian-disabled');
    expect(brief(young)).toEqual(['idcard age.out-of-range error']);
    expect(renderRule('age.out-of-range', young[0]!.params).message).toBe(
      '按身份证号，到 2026 年底也只满 5 周岁，未到本表的适龄范围（6–15 周岁）',
    );
  });

  test('without a 身份证号 column, the 年龄 column is judged (004 附件2)', () => {
    expect(check({ age: 13 }, 'ganxian-return')).toEqual([]);
    const old = check({ age: 21 }, 'ganxian-return');
    expect(brief(old)).toEqual(['age age.out-of-range error']);
    expect(renderRule('age.out-of-range', old[0]!.params).message).toBe('年龄 21 岁，不在本表的适龄范围（6–15 周岁）内');
    expect(brief(check({ age: '5岁' }, 'ganxian-return'))).toEqual(['age age.out-of-range error']);
  });

  test('a number that is not valid falls back to 年龄; empty and unreadable cells say nothing', () => {
    expect(brief(check({ idcard: '12345', age: 17 }, 'ganxian-disabled'))).toEqual(['age age.out-of-range error']);
    expect(check({ idcard: '12345', age: 12 }, 'ganxian-disabled')).toEqual([]);
    expect(check({ idcard: null, age: null }, 'ganxian-disabled')).toEqual([]);
    expect(check({ age: '十三' }, 'ganxian-return')).toEqual([]);
  });

  test('a birth after the reference date is left to idcard.birthdate', () => {
    expect(check({ idcard: syntheticId('2026-06-01', true) }, 'ganxian-disabled')).toEqual([]);
  });

  test('tables without an age range are not judged', () => {
    expect(check({ age: 40 }, 'ganxian-return', {})).toEqual([]);
  });
});

describe('age.birth-out-of-range (002 附件4: born 2002-09-01 … 2011-08-31)', () => {
  test('inside the range, boundaries included', () => {
    for (const birth of ['2002-09-01', '2006-01-01', '2011-08-31']) {
      expect(check({ idcard: syntheticId(birth, true) }, 'wafangdian-individual')).toEqual([]);
    }
  });

  test('outside the range is an error on the number', () => {
    for (const birth of ['2002-08-31', '2011-09-01', '2012-07-07']) {
      const issues = check({ idcard: syntheticId(birth, false) }, 'wafangdian-individual');
      expect(brief(issues)).toEqual(['idcard age.birth-out-of-range error']);
    }
    const issues = check({ idcard: syntheticId('2012-07-07', false) }, 'wafangdian-individual');
    expect(renderRule('age.birth-out-of-range', issues[0]!.params).message).toBe(
      '出生日期 2012-07-07 不在本表登记的出生范围（2002-09-01 至 2011-08-31）内',
    );
  });

  test('a 出生日期 column stands in for a missing or bad number', () => {
    const settings = { birthFrom: '2002-09-01', birthTo: '2011-08-31' };
    expect(brief(check({ idcard: 'x', birthDate: '2012年1月1日' }, 'jiangxi-form', settings))).toEqual([
      'birthDate age.birth-out-of-range error',
    ]);
    expect(check({ birthDate: '2011年8月' }, 'jiangxi-form', settings)).toEqual([]);
  });
});
