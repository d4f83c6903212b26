import type { Params, RuleCatalogue } from './types';

const CHECK_ORIGINAL = '对照户口簿或身份证原件逐位核对后改正';

const FORMAT: Record<string, (p: Params) => string> = {
  length: (p) => `身份证号应为 18 位，这里是 ${p.length} 位`,
  characters: () => '身份证号含有数字和末位 X 以外的字符',
  truncated: () => '身份证号只有 15 位，像是 18 位号码少了最后 3 位',
  'not-text': () => '这一格填的不是身份证号（是日期、逻辑值或公式错误值）',
};

const PRECISION: Record<string, string> = {
  number: '身份证号被存成了数字：Excel 只保留 15 位有效数字，后几位已变成 0',
  scientific: '身份证号显示成了科学计数法（如 4.50102E+17），后几位数字已经丢失',
  zeroed: '身份证号末尾是 000 且校验位不对，像是曾被存成数字、丢了后几位',
};

const CHANGES: Record<string, string> = {
  'lowercase-x': '小写 x',
  'full-width': '全角字符',
  spaces: '空格',
  quotes: '引号或撇号',
};

const CHANGE_FIX: Record<string, string> = {
  'lowercase-x': '末位小写 x 改为大写 X',
  'full-width': '全角数字或字母改为半角',
  spaces: '删除号码中的空格',
  quotes: '删除号码前后的引号或撇号',
};

function changes(p: Params, names: Record<string, string>): string {
  return String(p.changes ?? '')
    .split(',')
    .map((c) => names[c])
    .filter((t): t is string => Boolean(t))
    .join('、');
}

const CERTIFICATE: Record<string, (p: Params) => string> = {
  number: () => '残疾人证号被存成了数字，后几位已经丢失',
  format: () => '残疾人证号应为 20 位：18 位身份证号，加残疾类别、残疾等级各 1 位',
  prefix: () => '残疾人证号的前 18 位与本行的身份证号不一致',
  category: (p) => `残疾人证号第 19 位（残疾类别）应为 1–7，这里是 ${p.digit}`,
  grade: (p) => `残疾人证号第 20 位（残疾等级）应为 1–4，这里是 ${p.digit}`,
  'category-mismatch': (p) => `残疾人证号第 19 位是 ${p.digit}，与“残疾类别”填的“${p.category}”不符`,
};

export const idcardTexts: RuleCatalogue = {
  'idcard.format': {
    title: '身份证号格式错误',
    message: (p) => (FORMAT[String(p.cause)] ?? FORMAT.characters!)(p),
    fix: `${CHECK_ORIGINAL}，填写完整的 18 位号码`,
  },
  'idcard.checksum': {
    title: '身份证号校验位错误',
    message: (p) => `身份证号校验位错误：应为 ${p.expected}`,
    fix: (p) => `${CHECK_ORIGINAL}：前 17 位有一位填错时，改正那一位；确认前 17 位都无误，才把最后一位改为 ${p.expected}`,
  },
  'idcard.birthdate': {
    title: '身份证号中的出生日期不对',
    message: (p) =>
      p.cause === 'future'
        ? `身份证号中的出生日期晚于检查基准日 ${p.referenceDate}`
        : '身份证号第 7–14 位（出生年月日）不是真实存在的日期',
    fix: CHECK_ORIGINAL,
  },
  'idcard.precision-lost': {
    title: '身份证号后几位丢失',
    message: (p) => PRECISION[String(p.cause)] ?? PRECISION.number!,
    fix: '先把这一列设为文本格式（选中列→右键“设置单元格格式”→“文本”），再对照原件重新录入完整号码；已丢失的数字无法自动恢复',
  },
  'idcard.legacy-15': {
    title: '15 位旧身份证号',
    message: () => '这是 15 位的旧身份证号，表中应填 18 位号码',
    fix: (p) => `在第 6 位数字后插入“19”，末尾补上校验位 ${p.checkDigit}，即为 18 位号码；最好再对照户口簿核对`,
  },
  'idcard.normalise': {
    title: '身份证号写法不规范',
    message: (p) => `身份证号含有${changes(p, CHANGES)}，已按标准写法检查，号码本身无误`,
    fix: (p) => `${changes(p, CHANGE_FIX)}，以免上报系统时识别失败`,
  },
  'idcard.region': {
    title: '身份证号地址码未知',
    message: (p) =>
      p.status === 'unknown'
        ? '身份证号前 2 位不是任何省、自治区、直辖市的代码'
        : '身份证号前 6 位（地址码）不在行政区划代码表中（已含撤销的旧代码）',
    fix: '对照户口簿核对前 6 位；若原件上确实如此，可不必修改',
  },
  'idcard.gender': {
    title: '性别与身份证号不符',
    message: (p) => `性别与身份证号不符：身份证号第 17 位表示“${p.expected}”`,
    fix: '对照户口簿核对性别和身份证号，改正填错的一项',
  },
  'idcard.birth-mismatch': {
    title: '出生日期与身份证号不符',
    message: (p) => `出生日期与身份证号不符：身份证号中的出生日期是 ${p.birth}`,
    fix: '对照户口簿核对出生日期和身份证号，改正填错的一项',
  },
  'idcard.age-mismatch': {
    title: '年龄与身份证号不符',
    message: (p) => `年龄与身份证号不符：按身份证号，到 ${p.referenceDate} 应为 ${p.expected} 周岁，表中填的是 ${p.stated}`,
    fix: '年龄按周岁填写（到填表时已满几岁，不用虚岁）；核对身份证号和年龄后改正',
  },
  'idcard.disability-certificate': {
    title: '残疾人证号不对',
    message: (p) => (CERTIFICATE[String(p.problem)] ?? CERTIFICATE.format!)(p),
    fix: '对照残疾人证原件核对证号和残疾类别；证号为“身份证号 + 残疾类别（1 视力、2 听力、3 言语、4 肢体、5 智力、6 精神、7 多重）+ 残疾等级（1–4 级）”',
  },
};
