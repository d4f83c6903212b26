import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { parseRecord } from '../../../src/core/persuasion/parse';
import { findDates } from '../../../src/core/persuasion/dates';

/** Records are read at this date: yearless dates take 2024, or 2023 when 2024 would be later. */
const REF = '2024-03-01';

interface Case {
  style: string;
  text: string;
  /** One entry per attempt: its date (null: none written), who went, and whether a result is read. */
  want: { date: string | null; people: string[]; result: boolean }[];
}

const CASES: Case[] = [
  {
    style: 'numbered 1. on lines (000 template, dates before the reference month)',
    text: '1.1月12日王老师到学生家中与家长沟通义务教育法规定，讲解资助政策，家长表示同意考虑。\n2.2月19日王老师到学生家中与学生谈心，了解厌学原因，介绍返校安排，学生仍不愿返校。',
    want: [
      { date: '2024-01-12', people: ['王老师'], result: true },
      { date: '2024-02-19', people: ['王老师'], result: true },
    ],
  },
  {
    style: 'numbered 1. with yearless dates after the reference date (previous year)',
    text: '1.6月12日王老师到学生家中，家长表示同意考虑。\n2.6月19日网格员孙某到学生家中，学生仍不愿返校。',
    want: [
      { date: '2023-06-12', people: ['王老师'], result: true },
      { date: '2023-06-19', people: ['网格员孙某'], result: true },
    ],
  },
  {
    style: 'numbered 1、 with full dates',
    text: '1、2023年9月5日，班主任李明电话联系家长，家长答应送孩子返校。\n2、2023年9月12日，李明老师再次电话联系，学生已返校。',
    want: [
      { date: '2023-09-05', people: ['班主任李明'], result: true },
      { date: '2023-09-12', people: ['李明老师'], result: true },
    ],
  },
  {
    style: 'full-width brackets （1）（2） and full-width digits',
    text: '（1）２０２３年６月１２日，校长张某、驻村工作队赴浙江宁波找到学生，学生答应考虑。（2）2023年7月1日派出所民警电话联系监护人，告知法定义务，家长同意12月19日前送孩子返校。',
    want: [
      { date: '2023-06-12', people: ['校长张某', '驻村工作队'], result: true },
      { date: '2023-07-01', people: ['派出所民警'], result: true },
    ],
  },
  {
    style: 'half-width brackets (1)(2) on lines',
    text: '(1)10月8日赵书记入户，未见到学生本人。\n(2)10月15日赵书记、刘主任入户，家长不配合。',
    want: [
      { date: '2023-10-08', people: ['赵书记'], result: true },
      { date: '2023-10-15', people: ['赵书记', '刘主任'], result: true },
    ],
  },
  {
    style: 'circled numbers on one line',
    text: '①6月12日微信视频联系，学生拒绝返校 ②6月20日王老师入户，已返校',
    want: [
      { date: '2023-06-12', people: [], result: true },
      { date: '2023-06-20', people: ['王老师'], result: true },
    ],
  },
  {
    style: '第一次 第二次 第三次 with an impossible date',
    text: '第一次：9月12日王老师入户。第二次：9月19日李老师电话联系，学生仍不愿返校。第三次：13月5日张校长入户，家长同意。',
    want: [
      { date: '2023-09-12', people: ['王老师'], result: false },
      { date: '2023-09-19', people: ['李老师'], result: true },
      { date: null, people: ['张校长'], result: true },
    ],
  },
  {
    style: '第1次 第2次 with digits',
    text: '第1次 2月3日 镇干部电话联系，家长表示考虑。第2次 2月10日 村干部入户，学生同意返校。',
    want: [
      { date: '2024-02-03', people: ['镇干部'], result: true },
      { date: '2024-02-10', people: ['村干部'], result: true },
    ],
  },
  {
    style: 'Chinese item numbers 一、二、',
    text: '一、11月2日王老师入户劝返，家长同意考虑。\n二、11月20日王老师和村主任再次入户，学生已返校就读。',
    want: [
      { date: '2023-11-02', people: ['王老师'], result: true },
      { date: '2023-11-20', people: ['王老师', '村主任'], result: true },
    ],
  },
  {
    style: 'unnumbered, one line, split by dates',
    text: '6月5日王老师电话联系家长，家长同意考虑；6月12日王老师入户，学生仍不愿返校。',
    want: [
      { date: '2023-06-05', people: ['王老师'], result: true },
      { date: '2023-06-12', people: ['王老师'], result: true },
    ],
  },
  {
    style: 'unnumbered m.d dates (3.5)',
    text: '3.5王老师电话联系家长，家长同意考虑；3.12班主任李明到学生家中，学生仍不愿返校。',
    want: [
      { date: '2023-03-05', people: ['王老师'], result: true },
      { date: '2023-03-12', people: ['班主任李明'], result: true },
    ],
  },
  {
    style: 'Chinese-numeral dates (三月五日)',
    text: '三月五日，网格员孙某入户劝返，未见到学生本人。三月十二日，赵书记和镇/村干部再次入户，家长表示同意。',
    want: [
      { date: '2023-03-05', people: ['网格员孙某'], result: true },
      { date: '2023-03-12', people: ['赵书记', '镇/村干部'], result: true },
    ],
  },
  {
    style: 'unnumbered, one attempt per line',
    text: '12月1日 刘主任 电话 家长同意考虑\n12月8日 刘主任 入户 学生仍不愿返校\n12月15日 刘主任、王老师 入户 学生已返校',
    want: [
      { date: '2023-12-01', people: ['刘主任'], result: true },
      { date: '2023-12-08', people: ['刘主任'], result: true },
      { date: '2023-12-15', people: ['刘主任', '王老师'], result: true },
    ],
  },
  {
    style: 'lines with a heading and a continuation line',
    text: '劝返情况如下：\n1月4日王老师入户宣传政策，\n家长表示同意考虑。\n1月20日王老师再次入户，学生已返校。',
    want: [
      { date: '2024-01-04', people: ['王老师'], result: true },
      { date: '2024-01-20', people: ['王老师'], result: true },
    ],
  },
  {
    style: 'undated lines (no date written)',
    text: '李老师到学生家中与学生谈心，家长同意下周送孩子返校。\n王老师同村干部一起入户宣传控辍保学政策，家长同意下周送孩子返校。',
    want: [
      { date: null, people: ['李老师'], result: true },
      { date: null, people: ['王老师', '村干部'], result: true },
    ],
  },
  {
    style: 'single attempt',
    text: '2月26日张校长到学生家中劝返，学生答应下学期返校。',
    want: [{ date: '2024-02-26', people: ['张校长'], result: true }],
  },
  {
    style: 'single attempt without result',
    text: '2月26日张校长到学生家中与家长沟通义务教育法规定，讲解资助政策。',
    want: [{ date: '2024-02-26', people: ['张校长'], result: false }],
  },
  {
    style: 'dates with 号',
    text: '1.2月3号陈老师电话联系，家长表示同意。2.2月9号陈老师入户，学生已到校。',
    want: [
      { date: '2024-02-03', people: ['陈老师'], result: true },
      { date: '2024-02-09', people: ['陈老师'], result: true },
    ],
  },
  {
    style: 'yyyy.m.d and yyyy-mm-dd dates',
    text: '1. 2023.10.9 赵书记入户，家长拒绝。\n2. 2023-10-16 赵书记与派出所民警入户，家长同意返校。',
    want: [
      { date: '2023-10-09', people: ['赵书记'], result: true },
      { date: '2023-10-16', people: ['赵书记', '派出所民警'], result: true },
    ],
  },
  {
    style: 'month precision (6月份)',
    text: '6月份王老师多次电话联系，家长不配合',
    want: [{ date: '2023-06', people: ['王老师'], result: true }],
  },
  {
    style: 'year and month only',
    text: '1.2023年11月，驻村第一书记赵某入户，学生仍不愿返校。2.2023年12月，赵某某书记再次入户，学生同意返校。',
    want: [
      { date: '2023-11', people: ['驻村第一书记赵某'], result: true },
      { date: '2023-12', people: ['赵某某书记'], result: true },
    ],
  },
  {
    style: 'a plan date inside the result is not the visit date',
    text: '王老师入户劝返，家长同意，拟于12月19日送孩子返校。',
    want: [{ date: null, people: ['王老师'], result: true }],
  },
  {
    style: 'companions only (同村干部一起) still names the cadres',
    text: '1.7月9日同村干部一起入户宣传控辍保学政策，未见到学生本人。\n2.7月19日同村干部一起入户宣传控辍保学政策，家长同意下周送孩子返校。',
    want: [
      { date: '2023-07-09', people: ['村干部'], result: true },
      { date: '2023-07-19', people: ['村干部'], result: true },
    ],
  },
  {
    style: 'numbers glued to the sentence before',
    text: '1.6月1日王老师电话联系，家长同意考虑2.6月8日王老师入户，学生仍不愿返校',
    want: [
      { date: '2023-06-01', people: ['王老师'], result: true },
      { date: '2023-06-08', people: ['王老师'], result: true },
    ],
  },
  {
    style: 'numbered with 1) and a stray number in the text',
    text: '1)9月1日班主任到学生家中，送去3本教材，学生仍不愿返校。\n2)9月9日班主任和校长到学生家中，学生同意返校。',
    want: [
      { date: '2023-09-01', people: ['班主任'], result: true },
      { date: '2023-09-09', people: ['班主任', '校长'], result: true },
    ],
  },
  {
    style: 'one line, dates after commas',
    text: '10月3日网格员电话联系家长，无人接听，10月5日网格员入户，家中无人，10月9日网格员与村委会一起入户，家长答应考虑',
    want: [
      { date: '2023-10-03', people: ['网格员'], result: true },
      { date: '2023-10-05', people: ['网格员'], result: true },
      { date: '2023-10-09', people: ['网格员', '村委会'], result: true },
    ],
  },
  {
    style: 'a date later in the sentence that is no new attempt',
    text: '2月5日王老师入户，家长同意，2月20日送孩子返校',
    want: [{ date: '2024-02-05', people: ['王老师'], result: true }],
  },
  {
    style: 'Windows line breaks and blank lines',
    text: '1.1月5日刘主任入户，家长同意考虑。\r\n\r\n2.1月12日刘主任入户，学生已返校。\r\n',
    want: [
      { date: '2024-01-05', people: ['刘主任'], result: true },
      { date: '2024-01-12', people: ['刘主任'], result: true },
    ],
  },
  {
    style: 'mixed: first attempt unnumbered, then numbered',
    text: '1月3日王老师电话联系，家长同意考虑。\n2.1月10日王老师入户，学生仍不愿返校。\n3.1月17日王老师与张校长入户，学生已返校。',
    want: [
      { date: '2024-01-03', people: ['王老师'], result: true },
      { date: '2024-01-10', people: ['王老师'], result: true },
      { date: '2024-01-17', people: ['王老师', '张校长'], result: true },
    ],
  },
  {
    style: 'five attempts (003: 5 次以上)',
    text: [
      '1.9月2日王老师入户，未见到学生本人。',
      '2.9月9日王老师电话联系，家长表示同意考虑。',
      '3.9月16日王老师、赵书记入户，学生仍不愿返校。',
      '4.9月23日张校长入户，学生犹豫。',
      '5.9月30日张校长与派出所入户，学生已返校。',
    ].join('\n'),
    want: [
      { date: '2023-09-02', people: ['王老师'], result: true },
      { date: '2023-09-09', people: ['王老师'], result: true },
      { date: '2023-09-16', people: ['王老师', '赵书记'], result: true },
      { date: '2023-09-23', people: ['张校长'], result: true },
      { date: '2023-09-30', people: ['张校长', '派出所'], result: true },
    ],
  },
  {
    style: 'the 000 template left as it is',
    text: 'XX月XX日XX老师进行劝返，与学生及家长进行了哪些沟通。',
    want: [{ date: null, people: ['老师'], result: false }],
  },
  {
    style: 'full-width item numbers １．２．',
    text: '１．１２月２日王老师入户，家长同意考虑。２．１２月９日王老师入户，学生已返校。',
    want: [
      { date: '2023-12-02', people: ['王老师'], result: true },
      { date: '2023-12-09', people: ['王老师'], result: true },
    ],
  },
];

describe('parseRecord reads records of every style', () => {
  test('there are at least 30 records', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES.map((c) => [c.style, c] as const))('%s', (_style, c) => {
    const attempts = parseRecord(c.text, { referenceDate: REF });
    expect(attempts.map((a) => ({ date: a.date, people: a.people, result: a.result !== null }))).toEqual(c.want);
    expect(attempts.map((a) => a.index)).toEqual(c.want.map((_, i) => i + 1));
  });
});

describe('what each attempt says', () => {
  test('the method, the action and the result are told apart', () => {
    const [a] = parseRecord('6月12日王老师到学生家中与家长沟通义务教育法规定，讲解资助政策，家长表示同意考虑。', { referenceDate: REF });
    expect(a).toMatchObject({
      method: '入户',
      action: '王老师到学生家中与家长沟通义务教育法规定，讲解资助政策',
      result: '家长表示同意考虑',
      text: '6月12日王老师到学生家中与家长沟通义务教育法规定，讲解资助政策，家长表示同意考虑',
      dateText: '6月12日',
    });
  });

  test.each([
    ['电话', '1月5日王老师打电话给家长，家长同意'],
    ['微信、视频', '1月5日王老师微信视频联系学生，学生同意'],
    ['到校', '1月5日王老师约家长到校面谈，家长同意'],
    ['赴浙江宁波', '1月5日王老师赴浙江宁波找到学生，学生同意'],
    ['入户、书面', '1月5日王老师入户送达限期复学通知书，家长同意'],
  ])('method %s', (method, text) => {
    expect(parseRecord(text, { referenceDate: REF })[0]!.method).toBe(method);
  });

  test('a yearless date is marked inferred; a written year is not', () => {
    const [a, b] = parseRecord('1.1月5日王老师入户，家长同意。2.2023年12月5日王老师入户，家长同意。', { referenceDate: REF });
    expect([a!.dateInferred, b!.dateInferred]).toEqual([true, false]);
  });

  test('a yearless date after the reference date falls in the year before', () => {
    expect(parseRecord('3月2日王老师入户，家长同意', { referenceDate: '2024-03-01' })[0]!.date).toBe('2023-03-02');
    expect(parseRecord('3月1日王老师入户，家长同意', { referenceDate: '2024-03-01' })[0]!.date).toBe('2024-03-01');
  });

  test('2月29日 read in a common year is last year’s', () => {
    expect(parseRecord('2月29日王老师入户，家长同意', { referenceDate: '2025-03-01' })[0]!.date).toBe('2024-02-29');
  });

  test('the year option alone sets yearless dates', () => {
    expect(parseRecord('6月12日王老师入户，家长同意', { year: 2022 })[0]!.date).toBe('2022-06-12');
  });

  test('without any year a yearless date is kept as written and flagged', () => {
    const [a] = parseRecord('6月12日王老师入户，家长同意');
    expect(a).toMatchObject({ date: null, dateText: '6月12日', dateProblem: 'no-year' });
  });

  test('an impossible date is flagged invalid', () => {
    expect(parseRecord('13月5日王老师入户，家长同意', { referenceDate: REF })[0]!.dateProblem).toBe('invalid');
  });

  test('company only (同村干部一起) is not someone leading the work', () => {
    const [a, b] = parseRecord('1.7月9日同村干部一起入户，未见到学生本人。\n2.7月10日王老师同村干部一起入户，未见到学生本人。', { referenceDate: REF });
    expect([a!.led, b!.led]).toEqual([false, true]);
  });

  test('blank text has no attempt', () => {
    expect(parseRecord('', { referenceDate: REF })).toEqual([]);
    expect(parseRecord(' \n\u3000 ', { referenceDate: REF })).toEqual([]);
  });
});

describe('parseRecord is total', () => {
  const piece = fc.constantFrom(
    '1.', '2、', '（3）', '(4)', '②', '第三次', '6月12日', '３．５', '三月五日', '2023年', '13月40日', '王老师', '网格员孙某',
    '入户', '电话', '，', '。', '\n', '家长同意', '学生仍不愿返校', '拟于', 'XX', '12.5', '、', '/', '　',
  );

  test('any text gives attempts, each with its index and text, and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (parts) => {
        const attempts = parseRecord(parts.join(''), { referenceDate: REF });
        attempts.forEach((a, i) => {
          expect(a.index).toBe(i + 1);
          expect(a.text.length).toBeGreaterThan(0);
          if (a.date !== null) expect(a.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('unicode noise never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => Array.isArray(parseRecord(s, { referenceDate: REF }))), { numRuns: 300 });
  });
});

describe('dates inside numbers', () => {
  test.each([
    ['1.3.5王老师入户，家长同意', '3.5'],
    ['3.5王老师入户，家长同意', '3.5'],
  ])('%s is dated %s', (text, date) => {
    expect(parseRecord(text, { referenceDate: REF })[0]!.dateText).toBe(date);
  });

  test.each(['发放资助金123.5元', '按第1.2.3条执行'])('no date is read out of %s', (text) => {
    expect(findDates(text)).toEqual([]);
  });
});

describe('month and day written close (read without the regex) and every other way', () => {
  const read = (text: string) => findDates(text).map((t) => [text.slice(t.start, t.end), t.canonical, t.hasYear, t.hasDay]);
  test.each([
    ['10月5日入户', [['10月5日', '10月5日', false, true]]],
    ['6月12号电话', [['6月12号', '6月12日', false, true]]],
    ['6月 5日入户', [['6月 5日', '6月5日', false, true]]],
    ['10月123日', [['10月', '10月', false, false]]],
    ['110月5日', [['10月5日', '10月5日', false, true]]],
    ['2026年10月5日', [['2026年10月5日', '2026年10月5日', true, true]]],
    ['10月份', [['10月份', '10月', false, false]]],
    ['3月5', [['3月5', '3月5日', false, true]]],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });
});

test('the parser has no regex lookbehind (old Safari webviews cannot compile it)', () => {
  const dir = path.join(__dirname, '../../../src/core/persuasion');
  for (const file of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/\(\?<[=!]/);
});
