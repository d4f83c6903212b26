/** Every word of the notices to parents (通知书) that is not the official wording itself. */

export type ShortfallCode =
  | 'no-name'
  | 'no-guardian-column'
  | 'no-guardian'
  | 'no-school-column'
  | 'no-school'
  | 'not-a-child-row';

/** Why a child has no notice, or has one with a blank to fill by hand. */
export const SHORTFALL_TEXT: Record<ShortfallCode, string> = {
  'no-name': '姓名未填，无法填写通知书',
  'no-guardian-column': '表中没有监护人一栏，无法填写监护人姓名',
  'no-guardian': '监护人姓名未填',
  'no-school-column': '表中没有学校一栏，无法填写报到学校',
  'no-school': '学校未填，无法填写报到学校',
  'not-a-child-row': '所选的这一行不是名单中的学生行',
};

/** Said of a child whose notice was printed with the guardian left as a blank line. */
export const GUARDIAN_BLANK_NOTE = '通知书上监护人处已留空，打印后请手写';

export const NOTICE_SHEETS = {
  notices: '通知书',
  shortfalls: '未能生成',
} as const;

export const SHORTFALL_SHEET = {
  title: '未能生成通知书或需手写补全的学生',
  header: ['工作表', '行号', '姓名', '情况', '原因'],
  noNotice: '未生成',
  handFill: '需手写',
  none: '所有选中的学生都已生成通知书，没有需要补全的内容。',
} as const;

/** What `baoxue notices` says. Names never appear here: the shortfall sheet is where the clerk sees them. */
export const NOTICES_CLI = {
  oneInput: '请只给出一个名单文件，例如：baoxue notices 名单.xlsx -o 通知书.xlsx --unit 某某镇人民政府 --date 2026-12-01',
  needUnit: '请用 --unit 给出发通知的单位，例如：--unit 某某镇人民政府',
  needDate: '请用 --date 给出报到截止日期，例如：--date 2026-12-01',
  dateBeforeToday: (d: string, today: string) => `报到截止日期 ${d} 早于今天（${today}），请检查 --date。`,
  noSource:
    '文件中没有可以生成通知书的名单。支持：失学辍学儿童少年统计表、劝返复学工作台账、辍学学生登记汇总表、一生一表、适龄残疾儿童就学台账、疑似失学儿童个体情况汇总表。',
  noChildren: '名单中没有尚未复学（或未入学）的学生，没有生成通知书。',
  summary: (returns: number, enrols: number, reportBy: string) =>
    `已生成 ${returns + enrols} 份通知书（复学通知书 ${returns} 份，入学通知书 ${enrols} 份），每份一页；通知书上的报到截止日期（--date）是 ${reportBy}。`,
  noneMade: '没有生成任何通知书。',
  shortfallLine: (sheet: string, rows: number[], reasons: string) => `  工作表“${sheet}”第${rows.join('、')}行：${reasons}`,
  lackingHeader: (n: number) => `${n} 名学生未能生成通知书（姓名见输出文件的“未能生成”工作表）：`,
  blankHeader: (n: number) => `${n} 份通知书的监护人处留空，需打印后手写：`,
  noOffice:
    '未找到 LibreOffice（soffice），无法生成 PDF；已写入 .xlsx，可在 Excel 或 WPS 中打开后打印或另存为 PDF。安装 LibreOffice 后可用 --pdf 直接生成 PDF。',
  pdfFailed: (why: string) => `生成 PDF 失败：${why}。已写入 .xlsx，可在 Excel 或 WPS 中打开后打印。`,
  pdfNoOutput: 'LibreOffice 运行结束但没有生成 PDF 文件',
  pdfTimeout: (s: number) => `LibreOffice 超过 ${s} 秒仍未完成转换，已停止`,
  wrotePdf: (f: string) => `已写入 PDF：${f}`,
  pdfSameAsInput: 'PDF 文件名与输入文件相同：命令行从不覆盖原文件，请换一个输出文件名。',
} as const;
