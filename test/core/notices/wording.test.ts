import { chineseDate, isIsoDate, noticeLines, type NoticeFields } from '../../../src/core/notices/wording';

const FIELDS: NoticeFields = {
  kind: 'return',
  guardian: '李大山',
  child: '李小明',
  school: '红旗小学',
  reportBy: '2026-12-01',
  unit: '城关镇人民政府',
  issueDate: '2026-11-20',
  law: ['《中华人民共和国义务教育法》', '《山东省义务教育条例》'], // 枣庄's profile
};

/** 001 附件3 and 附件2, copied here from the seed rather than from the code under test. */
const LAW = '按照《中华人民共和国义务教育法》《山东省义务教育条例》有关规定和要求，接受义务教育是法律赋予每个适龄儿童的权利和义务。';

describe('the official wording with its blanks filled', () => {
  it('复学通知书 (001 附件3)', () => {
    const { title, lines } = noticeLines(FIELDS);
    expect(title).toBe('义务教育复学通知书');
    expect(lines).toEqual([
      { role: 'salutation', text: '李大山（父母或法定监护人）：' },
      { role: 'paragraph', text: `${LAW}您的孩子（被监护人）李小明处于接受义务教育年龄，请您于12月1日前送其到红旗小学报到入读。` },
      { role: 'paragraph', text: '感谢您的支持和配合。' },
      { role: 'signature', text: '城关镇人民政府' },
      { role: 'signature', text: '2026年11月20日' },
    ]);
  });

  it('入学通知书 (001 附件2), a school name not ending in 学/校, and a guardian left for hand-writing', () => {
    const { title, lines } = noticeLines({ ...FIELDS, kind: 'enrol', guardian: null, school: '城关一小', reportBy: '2027-09-01' });
    expect(title).toBe('义务教育入学通知书');
    expect(lines.map((l) => l.text)).toEqual([
      '________（父母或法定监护人）：',
      `${LAW}您的孩子（被监护人）李小明已经达到接受义务教育年龄，请您于9月1日前送其到城关一小学校报到入学。`,
      '感谢您的支持和配合。',
      '城关镇人民政府',
      '2026年11月20日',
    ]);
  });

  it('cites the national law alone when no profile names the province\'s regulation', () => {
    const { lines } = noticeLines({ ...FIELDS, law: undefined });
    expect(lines[1]!.text).toMatch(/^按照《中华人民共和国义务教育法》有关规定和要求，接受义务教育/);
    expect(lines[1]!.text).not.toContain('山东');
  });

  it('prints what the user typed literally, braces included', () => {
    const { lines } = noticeLines({ ...FIELDS, unit: '{child}镇' });
    expect(lines[3]!.text).toBe('{child}镇');
  });
});

describe('dates', () => {
  it('writes the date as official documents do', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日');
    expect(chineseDate('2027-01-31')).toBe('2027年1月31日');
  });

  it('accepts only real yyyy-mm-dd days', () => {
    expect(['2026-12-01', '2028-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-5', '12月1日', ''].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
});
