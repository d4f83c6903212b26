import fc from 'fast-check';
import { parseCnDate } from '../../../src/core/parse/date';
import { isoToSerial, type CellValue } from '../../../src/core/model/cell';

const Y = { defaultYear: 2021 };
const day = (iso: string, inferredYear = false) => ({ ok: true, iso, precision: 'day', inferredYear });
const month = (iso: string) => ({ ok: true, iso, precision: 'month', inferredYear: false });

describe('parseCnDate', () => {
  test.each([
    '2021/3/5', '2021-03-05', '2021.3.5', '2021年3月5日', '2021年03月05日', '2021年3月5号', '20210305',
    '2021 年 3 月 5 日', '２０２１年３月５日', '２０２１．３．５', '二〇二一年三月五日', '二零二一年三月五日', '2021-03-05 00:00:00',
  ])('%s is 5 March 2021', (s) => {
    expect(parseCnDate(s)).toEqual(day('2021-03-05'));
  });

  test('Chinese numerals with 十', () => {
    expect(parseCnDate('二〇二一年十月十日')).toEqual(day('2021-10-10'));
    expect(parseCnDate('二〇二一年十二月二十一日')).toEqual(day('2021-12-21'));
    expect(parseCnDate('二〇二一年一月三十一日')).toEqual(day('2021-01-31'));
    expect(parseCnDate('十一月廿一日', Y)).toEqual(day('2021-11-21', true));
  });

  test.each(['2021年3月', '2021年3月份', '2021.3', '2021-03', '2021/3', '二〇二一年三月'])('%s is March 2021 (month precision)', (s) => {
    expect(parseCnDate(s)).toEqual(month('2021-03'));
  });

  test('dates without a year take the default year and say so', () => {
    expect(parseCnDate('3月5日', Y)).toEqual(day('2021-03-05', true));
    expect(parseCnDate('3月5号', Y)).toEqual(day('2021-03-05', true));
    expect(parseCnDate('3.5', Y)).toEqual(day('2021-03-05', true));
    expect(parseCnDate('三月五日', Y)).toEqual(day('2021-03-05', true));
  });

  test('without a default year, a date with no year is not recognised: no year is invented', () => {
    expect(parseCnDate('3月5日')).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseCnDate('3.5')).toEqual({ ok: false, reason: 'unrecognised' });
  });

  test.each(['2021.2.30', '2021年13月1日', '2021-00-10', '20210231', '2021.13', '13月5日', '2月30日', '0000-01-01'])(
    '%s is impossible',
    (s) => {
      expect(parseCnDate(s, Y)).toEqual({ ok: false, reason: 'invalid' });
    },
  );

  test('13月5日 is invalid even without a default year; 2月29日 depends on the year', () => {
    expect(parseCnDate('13月5日')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCnDate('2月29日', { defaultYear: 2021 })).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCnDate('2月29日', { defaultYear: 2024 })).toEqual(day('2024-02-29', true));
  });

  test.each(['已复学', '不详', '2021', '3月', '21.3.5', 'abc', '2021年3月5日左右'])('%s is not a date', (s) => {
    expect(parseCnDate(s, Y)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  test('empty cells', () => {
    for (const v of [null, '', '  ', '\u3000']) expect(parseCnDate(v)).toEqual({ ok: false, reason: 'empty' });
  });

  test('Excel date cells and plausible serial numbers', () => {
    const serial = isoToSerial('2021-03-05');
    expect(parseCnDate({ t: 'date', serial })).toEqual(day('2021-03-05'));
    expect(parseCnDate({ t: 'date', serial: serial + 0.75 })).toEqual(day('2021-03-05'));
    expect(parseCnDate(serial)).toEqual(day('2021-03-05'));
    expect(parseCnDate(isoToSerial('1950-01-01'))).toEqual(day('1950-01-01'));
    expect(parseCnDate(isoToSerial('1949-12-31'))).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseCnDate(isoToSerial('2101-01-01'))).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseCnDate({ t: 'date', serial: 0 })).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCnDate(13)).toEqual({ ok: false, reason: 'unrecognised' });
  });

  test('numbers typed into General cells: 20210305, 2021.3, 3.5', () => {
    expect(parseCnDate(20210305)).toEqual(day('2021-03-05'));
    expect(parseCnDate(20210230)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseCnDate(2021.3)).toEqual(month('2021-03'));
    expect(parseCnDate(2021.12)).toEqual(month('2021-12'));
    expect(parseCnDate(3.5, Y)).toEqual(day('2021-03-05', true));
    expect(parseCnDate(3.15, Y)).toEqual(day('2021-03-15', true));
  });

  test('a decimal that lost its trailing zero is read only when one reading is possible', () => {
    expect(parseCnDate(2021.1)).toEqual({ ok: false, reason: 'unrecognised' }); // 2021.1 or 2021.10
    expect(parseCnDate(3.2, Y)).toEqual({ ok: false, reason: 'unrecognised' }); // 3月2日 or 3月20日
    expect(parseCnDate(2.3, Y)).toEqual(day('2021-02-03', true)); // 2月30日 does not exist
    expect(parseCnDate(13.5, Y)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('booleans and error cells are not dates', () => {
    expect(parseCnDate(true)).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseCnDate({ t: 'error', code: '#VALUE!' })).toEqual({ ok: false, reason: 'unrecognised' });
  });
});

describe('parseCnDate never throws', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.stringMatching(/^[\d年月日号.\/\- 〇零一二三四五六七八九十廿卅]{0,14}$/),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.double().map((serial) => ({ t: 'date' as const, serial })),
    fc.string().map((code) => ({ t: 'error' as const, code })),
  );
  const year = fc.option(fc.integer({ min: -10000, max: 10000 }), { nil: undefined });

  test('and every success is a real date', () => {
    fc.assert(
      fc.property(cell, year, (v, defaultYear) => {
        const r = parseCnDate(v, { defaultYear });
        if (!r.ok) return;
        expect(r.iso).toMatch(r.precision === 'day' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}$/);
        const full = r.precision === 'day' ? r.iso : r.iso + '-01';
        expect(new Date(full + 'T00:00:00Z').toISOString().slice(0, 10)).toBe(full);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('dates with a time of day (issue 17 item 4: "9月24日上午", as 劝返 records write them)', () => {
  test.each([
    ['9月24日上午', day('2021-09-24', true)],
    ['9月24日下午', day('2021-09-24', true)],
    ['9月24日晚上', day('2021-09-24', true)],
    ['2021年9月24日下午3点', day('2021-09-24')],
    ['二〇二一年九月二十四日上午十点半', day('2021-09-24')],
    ['2021.9.24 晚上8:30', day('2021-09-24')],
    ['2021年9月24日10:30', day('2021-09-24')],
    ['2021年9月24日上午9时30分', day('2021-09-24')],
  ])('%s is read as its day', (s, want) => {
    expect(parseCnDate(s, Y)).toEqual(want);
  });
  test('a time of day alone, or a clock glued to dotted digits, is not a date', () => {
    expect(parseCnDate('下午', Y)).toEqual({ ok: false, reason: 'unrecognised' });
    expect(parseCnDate('2021.3.510:30', Y)).toEqual({ ok: false, reason: 'unrecognised' });
  });
  test('an impossible day stays invalid with a time of day', () => {
    expect(parseCnDate('2021年2月30日上午', Y)).toEqual({ ok: false, reason: 'invalid' });
  });
});
