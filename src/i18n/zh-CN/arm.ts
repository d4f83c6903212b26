/** Words of the armed workbook (validation prompts and alerts) and of `baoxue arm`. */

/** Every prompt title of ours starts with this: re-arming finds its own validations by it. */
export const ARM_PROMPT_MARK = '自动检查';

export interface ArmRangeParts {
  ageMin?: number;
  ageMax?: number;
  birthFrom?: string;
  birthTo?: string;
}

function rangeText(p: ArmRangeParts): string {
  const parts: string[] = [];
  if (p.ageMin !== undefined && p.ageMax !== undefined) parts.push(`${p.ageMin}–${p.ageMax} 周岁`);
  else if (p.ageMin !== undefined) parts.push(`不小于 ${p.ageMin} 周岁`);
  else if (p.ageMax !== undefined) parts.push(`不大于 ${p.ageMax} 周岁`);
  if (p.birthFrom || p.birthTo) parts.push(`${p.birthFrom ?? '不限'} 至 ${p.birthTo ?? '不限'} 出生`);
  return parts.join('，');
}

const ID_PROMPT = '18 位：前 17 位数字，末位是数字或大写 X（校验位），出生日期真实、不在将来。先把这一列设为文本格式再录入。';
const ID_ERROR = '身份证号应为 18 位、以文本录入，末位校验位要对，出生日期真实存在且不在将来。请对照户口簿或身份证原件逐位核对后改正。';

const title = (label: string) => `${ARM_PROMPT_MARK}：${label}`;

export const ARM_TEXTS = {
  range: rangeText,
  idcard: { title: title('身份证号'), prompt: ID_PROMPT, errorTitle: '身份证号不对', error: ID_ERROR },
  idcardRange: (range: string) => ({
    title: title('身份证号'),
    prompt: `${ID_PROMPT}本表只登记 ${range} 的儿童。`,
    errorTitle: '身份证号不对',
    error: `${ID_ERROR}本表只登记 ${range} 的儿童。`,
  }),
  date: (label: string) => ({
    title: title(label),
    prompt: '填写真实的日期，如 2021-03-05 或 2021年3月5日，不能晚于今天（检查基准日）。',
    errorTitle: '日期不对',
    error: `“${label}”须是真实的日期，且不晚于今天（检查基准日）。请按“2021-03-05”或“2021年3月5日”的写法填写。`,
  }),
  list: (label: string, items: readonly string[]) => ({
    title: title(label),
    prompt: `从下拉框选择：${items.join('、')}`,
    errorTitle: `${label}不在下拉选项中`.slice(0, 32),
    error: `请从下拉框选择“${label}”：${items.join('、')}`,
  }),
  /** `baoxue arm`'s report. */
  armedTable: (sheet: string, title: string, from: number, to: number, checks: number) =>
    `工作表“${sheet}”（${title}）：第 ${from}–${to} 行加上了 ${checks} 项自动检查`,
  skippedForm: (sheet: string, title: string) => `工作表“${sheet}”（${title}）是一人一张的表单，暂不加自动检查，请用加载项、网页或命令检查`,
  nothingToArm: '没有找到可以加自动检查的官方名单表，文件未写出。',
  selfChecks:
    '表格现在自己会检查（WPS、Excel 2010 及以上、LibreOffice 都能用，不用装任何东西）：身份证号（18 位、校验位、出生日期、本表的年龄或出生范围）、' +
    '性别与身份证号第 17 位、日期是否真实且不在将来、复学情况与核查结果（I–M 类填是/否，A–H 类填无）、必填项、下拉选项。' +
    '录入错的值会被拒绝；粘贴进来的和原有的错值会标成红色。',
  stillNeeded:
    '仍需用加载项、网页或 baoxue check 检查的：劝返过程记录、同一孩子重复登记、汇总数与明细是否一致、雷同抄袭的记录、序号、' +
    '身份证地址码、年龄栏和出生日期栏与身份证号是否一致。',
} as const;

/** The pane's and the page's button. */
export const ARM_PANE = {
  button: '给表格加上自动检查',
  saved: (file: string) => `已另存为“${file}”。`,
  failed: (why: string) => `没能加上自动检查：${why}。原文件未被改动。`,
  nothing: '没有找到可以加自动检查的官方名单表',
  fileName: (name: string) => `${name.replace(/\.(xlsx|xlsm)$/i, '')}-自动检查.xlsx`,
} as const;
