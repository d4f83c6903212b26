import { idcardRules } from '../../../src/core/rules/idcard';
import { renderRule } from '../../../src/i18n/zh-CN/rules';
import type { CellValue } from '../../../src/core/model/cell';
import type { ColumnDef } from '../../../src/core/tables/schema';
import type { Issue } from '../../../src/core/rules/types';
import { contextOf, rowOf, run, syntheticId, withCheckDigit } from './rowFixture';

const REF = '2026-03-01';
const girl = syntheticId('2014-06-15', false);
const boy = syntheticId('2013-09-01', true);

function check(cells: Parameters<typeof rowOf>[0], tableId = 'ganxian-disabled', extraColumns: ColumnDef[] = []): Issue[] {
  const row = rowOf(cells);
  return run(idcardRules, row, contextOf(tableId, row, { referenceDate: REF, extraColumns }));
}

const brief = (issues: Issue[]) => issues.map((i) => `${i.key} ${i.rule} ${i.severity}`);

/** Every finding renders in Chinese without echoing a whole 身份证号. */
function expectReadable(issues: Issue[], ids: string[]) {
  for (const i of issues) {
    const t = renderRule(i.rule, i.params);
    for (const text of [t.message, t.fix]) {
      expect(text).not.toMatch(/undefined|NaN|\[object/);
      for (const id of ids) expect(text).not.toContain(id);
    }
  }
}

describe('idcard rules: the number', () => {
  test('a valid number with matching 性别 and 年龄 gives nothing', () => {
    expect(check({ gender: '女', idcard: girl, age: 11 })).toEqual([]);
    expect(check({ gender: '男', idcard: boy, age: 12 })).toEqual([]);
  });

  test('an empty cell is not idcard’s (required. reports it), nor are empty other columns', () => {
    expect(check({ gender: '女', idcard: null, age: 11 })).toEqual([]);
    expect(check({ gender: '女', idcard: '  ', age: null })).toEqual([]);
    expect(check({ gender: null, idcard: girl, age: null })).toEqual([]);
  });

  test('a table without an idcard column is left alone', () => {
    expect(check({ gender: '女', age: 11 }, 'ganxian-return')).toEqual([]);
  });

  test('wrong check digit: error with the expected digit, no cleaning advice', () => {
    const bad = ' ' + girl.slice(0, 17) + (girl[17] === '0' ? '1' : '0');
    const issues = check({ gender: '女', idcard: bad });
    expect(brief(issues)).toEqual(['idcard idcard.checksum error']);
    expect(renderRule('idcard.checksum', issues[0]!.params).message).toBe(`身份证号校验位错误：应为 ${girl[17]}`);
    expectReadable(issues, [bad.trim(), girl]);
  });

  test.each<[string, CellValue, string]>([
    ['number cell', Number(girl.slice(0, 15)) * 1000, 'idcard.precision-lost'],
    ['scientific text', '3.60704E+17', 'idcard.precision-lost'],
    ['15-digit old number', '360721850615002', 'idcard.legacy-15'],
    ['cut-off number', girl.slice(0, 15), 'idcard.format'],
    ['17 digits', girl.slice(0, 17), 'idcard.format'],
    ['not an id', '不详', 'idcard.format'],
    ['impossible birth date', withCheckDigit('36070420140231024'), 'idcard.birthdate'],
  ])('%s is an error', (_what, value, rule) => {
    const issues = check({ gender: '女', idcard: value, age: 11 });
    expect(brief(issues)).toEqual([`idcard ${rule} error`]);
    expectReadable(issues, [girl]);
  });

  test('a birth date after the reference date is an error', () => {
    const issues = check({ idcard: syntheticId('2026-05-01', true) });
    expect(brief(issues)).toEqual(['idcard idcard.birthdate error']);
    expect(renderRule('idcard.birthdate', issues[0]!.params).message).toContain(REF);
  });

  test('lowercase x, full-width digits, spaces: a warning to normalise', () => {
    const issues = check({ idcard: '11010519491231002x' });
    expect(brief(issues)).toEqual(['idcard idcard.normalise warning']);
    expect(renderRule('idcard.normalise', issues[0]!.params).message).toContain('小写 x');
    const wide = girl.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) + ' ';
    const w = check({ idcard: wide });
    expect(brief(w)).toEqual(['idcard idcard.normalise warning']);
    expect(renderRule('idcard.normalise', w[0]!.params).message).toBe('身份证号含有空格、全角字符，已按标准写法检查，号码本身无误');
    expect(renderRule('idcard.normalise', w[0]!.params).fix).toContain('删除号码中的空格');
  });

  test('an unknown region code is a warning', () => {
    expect(brief(check({ idcard: syntheticId('2014-06-15', false, '360799') }))).toEqual(['idcard idcard.region warning']);
    expect(brief(check({ idcard: syntheticId('2014-06-15', false, '990101') }))).toEqual(['idcard idcard.region warning']);
  });
});

describe('idcard rules: other columns against the number', () => {
  test('性别 against the 17th digit: the finding is on 性别', () => {
    const issues = check({ gender: '男', idcard: girl });
    expect(brief(issues)).toEqual(['gender idcard.gender error']);
    expect(renderRule('idcard.gender', issues[0]!.params).message).toContain('“女”');
    expect(brief(check({ gender: '女性', idcard: boy }))).toEqual(['gender idcard.gender error']);
    expect(check({ gender: '男性', idcard: boy })).toEqual([]);
  });

  test('an unreadable 性别 is category’s business, and a bad number is not compared', () => {
    expect(check({ gender: '未知', idcard: girl })).toEqual([]);
    const bad = girl.slice(0, 17) + (girl[17] === '0' ? '1' : '0');
    expect(brief(check({ gender: '男', idcard: bad }))).toEqual(['idcard idcard.checksum error']);
  });

  test('年龄: one year off is explained by the filling date, two is not', () => {
    // born 2014-06-15: 11 full years on 2026-03-01
    for (const age of [10, 11, 12, '11岁', '11周岁']) expect(check({ idcard: girl, age })).toEqual([]);
    for (const age of [9, 13, '13岁', 21]) {
      const issues = check({ idcard: girl, age });
      expect(brief(issues)).toEqual(['age idcard.age-mismatch error']);
      expectReadable(issues, [girl]);
    }
    expect(renderRule('idcard.age-mismatch', check({ idcard: girl, age: 13 })[0]!.params).message).toContain('应为 11 周岁');
  });

  test('出生日期 against the number (一生一表)', () => {
    expect(check({ idcard: girl, birthDate: '2014年6月15日' }, 'jiangxi-form')).toEqual([]);
    expect(check({ idcard: girl, birthDate: '2014.6' }, 'jiangxi-form')).toEqual([]);
    expect(check({ idcard: girl, birthDate: null }, 'jiangxi-form')).toEqual([]);
    const issues = check({ idcard: girl, birthDate: '2014年6月16日' }, 'jiangxi-form');
    expect(brief(issues)).toEqual(['birthDate idcard.birth-mismatch error']);
    expect(renderRule('idcard.birth-mismatch', issues[0]!.params).message).toContain('2014-06-15');
    expect(brief(check({ idcard: girl, birthDate: '2014.7' }, 'jiangxi-form'))).toEqual(['birthDate idcard.birth-mismatch error']);
  });
});

describe('idcard rules: 残疾人证号', () => {
  const certificate: ColumnDef = { key: 'disabilityCertificate', label: '残疾人证号', aliases: [], type: 'text', required: false, width: 24 };
  const run20 = (cert: CellValue, category: CellValue = '智力残疾', id: CellValue = girl) =>
    brief(check({ idcard: id, disabilityCategory: category, disabilityCertificate: cert }, 'ganxian-disabled', [certificate]));
  const textOf = (cert: CellValue, category: CellValue = '智力残疾') => {
    const issues = check({ idcard: girl, disabilityCategory: category, disabilityCertificate: cert }, 'ganxian-disabled', [certificate]);
    expectReadable(issues, [girl, String(cert)]);
    return issues.map((i) => renderRule(i.rule, i.params).message);
  };

  test('身份证号 + category 5 (智力) + grade 2 is right', () => {
    expect(run20(girl + '52')).toEqual([]);
    expect(run20(girl + '52', '智力')).toEqual([]);
    expect(run20(girl + '52', '智力残疾二级')).toEqual([]);
    expect(run20(null)).toEqual([]);
  });

  test('each fault is an error on the certificate cell', () => {
    const err = ['disabilityCertificate idcard.disability-certificate error'];
    expect(run20(girl + '5')).toEqual(err);
    expect(run20(Number(girl.slice(0, 15) + '00000'))).toEqual(err);
    expect(run20(boy + '52')).toEqual(err);
    expect(run20(girl + '82')).toEqual(err);
    expect(run20(girl + '55')).toEqual(err);
    expect(run20(girl + '12')).toEqual(err);
    expect(textOf(boy + '52')).toEqual(['残疾人证号的前 18 位与本行的身份证号不一致']);
    expect(textOf(girl + '82')).toEqual(['残疾人证号第 19 位（残疾类别）应为 1–7，这里是 8']);
    expect(textOf(girl + '50')).toEqual(['残疾人证号第 20 位（残疾等级）应为 1–4，这里是 0']);
    expect(textOf(girl + '12')).toEqual(['残疾人证号第 19 位是 1，与“残疾类别”填的“智力残疾”不符']);
  });

  test('a category that names nothing is category’s business', () => {
    expect(run20(girl + '12', '其他')).toEqual([]);
  });
});
