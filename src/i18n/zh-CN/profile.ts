/** What the profile checks say (profiles/*.json): each key in words, and what is wrong with it. */

/** Each key of a profile, as the message names it. */
export const PROFILE_KEYS: Record<string, string> = {
  name: '地区名称',
  description: '说明',
  basis: '依据',
  referenceDate: '检查基准日',
  settings: '检查设置',
  law: '通知书引用的法律法规',
  cases: '档案资料清单的处置类别',
  ageMin: '义务教育最小年龄（周岁）',
  ageMax: '义务教育最大年龄（周岁）',
  birthFrom: '下发名单出生日期起',
  birthTo: '下发名单出生日期止',
  persuasionMinAttempts: '劝返次数下限',
  reportingPeriodDays: '劝返记录更新周期（天）',
  serialGapIsError: '原始序号缺号是否算错误',
  editableColumns: '上报时允许修改的栏目',
  title: '类别名称',
  minAttempts: '劝返记录次数下限',
};

const TYPES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字（加英文双引号）',
  boolean: 'true 或 false',
  array: '方括号列表 [ ]',
  object: '花括号 { }',
};

/** How a value of each format is written. */
const FORMATS: Record<string, string> = {
  referenceDate: '写成 2026-09-01 这样的日期',
  birthFrom: '写成 2002-09-01 这样的日期',
  birthTo: '写成 2011-08-31 这样的日期',
  law: '写成《中华人民共和国义务教育法》这样，带书名号',
  cases: '类别代码写成 B4-1 这样',
};

export const PROFILE_TEXT = {
  keyName: (path: string, last: string) => `“${path}”${PROFILE_KEYS[last] ? `（${PROFILE_KEYS[last]}）` : ''}`,
  missing: (key: string) => `缺少${key}`,
  type: (key: string, expected: string) => `${key}应为${TYPES[expected] ?? expected}`,
  unknown: (keys: string[], at: string, allowed: string[]) =>
    `${at ? `“${at}”中` : ''}不认识的设置${keys.map((k) => `“${k}”`).join('、')}；可用的有：${allowed.join('、')}`,
  tooSmall: (key: string, min: number | string, isArray: boolean) => (isArray ? `${key}至少要有 ${min} 项` : `${key}不能小于 ${min}`),
  empty: (key: string) => `${key}不能为空`,
  format: (key: string, last: string) => `${key}格式不对，应${FORMATS[last] ?? '按说明填写'}`,
  oneOf: (key: string, values: string[]) => `${key}只能是：${values.join('、')}`,
  ageOrder: '义务教育最小年龄（ageMin）不能大于最大年龄（ageMax）',
  birthOrder: '下发名单出生日期起（birthFrom）不能晚于止（birthTo）',
  notJson: (why: string) => `不是有效的 JSON 文件（${why}）`,
  other: (key: string) => `${key}的取值不对`,
  /** The one line the command line prints. */
  line: (name: string, problems: string[]) => `配置“${name}”有误：${problems.join('；')}。请对照 profiles/README.md 改正。`,
  notFound: (name: string, known: string[]) =>
    `找不到配置“${name}”${known.length ? `；可用的有：${known.join('、')}` : ''}，也可以给出一个 .json 文件的路径`,
} as const;
