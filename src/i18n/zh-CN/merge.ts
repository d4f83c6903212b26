/** Every word the county merge shows: columns it adds, reasons an input was left out, the 合并说明 sheet. */
export const MERGE = {
  sourceColumn: '来源',
  originalSerialColumn: '原始序号',
  /** An extra column a school added without a header; named after where it stood. */
  unnamedColumn: (letter: string) => `无表头列（原${letter}列）`,
  otherTable: (found: string, wanted: string) => `不是同一种表格：这是“${found}”，本次合并的是“${wanted}”`,
  noTable: (wanted: string) => `没有找到可识别的官方表格（本次合并的是“${wanted}”）。请确认表头是否完整、是否选错了文件`,
  nothingRecognised: '没有找到可识别的官方表格。请确认表头是否完整、是否选错了文件',
  noLedger: (found: string) => `只找到“${found}”，其中没有学生名单，无法合并。请提交含学生名单的表格`,
  lostRows: (rowsIn: number, rowsOut: number) =>
    `合并结果与输入行数不一致（输入 ${rowsIn} 行，输出 ${rowsOut} 行），为免丢失数据，未写出任何文件`,
  place: (file: string, sheet: string, row: number) => `${file}（${sheet}）第${row}行`,
  placesJoin: '、',
  source: (file: string, school: string | null) => (school ? `${file} / ${school}` : file),

  /** The 合并说明 sheet. */
  notesSheet: '合并说明',
  notesTitle: (title: string) => `${title}（合并说明）`,
  notesSummary: (files: number, merged: number, rejected: number) =>
    `共 ${files} 个文件：已合并 ${merged} 个，未合并 ${rejected} 个${rejected > 0 ? '（未合并文件的数据未写入，原因见下表）' : ''}。`,
  /** One merged table: "nothing left out" only when the rows written are the rows read. */
  notesTable: (title: string, sheet: string, rowsIn: number, rowsOut: number) =>
    `“${title}”（工作表“${sheet}”）：各校共 ${rowsIn} 行，写入 ${rowsOut} 行，` +
    (rowsIn === rowsOut ? '已合并文件的数据行都已写入，没有删减。' : `少了 ${rowsIn - rowsOut} 行，请勿使用本表，并告诉技术支持。`),
  inputTableRows: (sheets: string, rows: number) => `${sheets}：${rows} 行`,
  notesNoTotals: '本次合并的表格没有对应的汇总表，未生成汇总。',
  inputHeader: ['序号', '文件', '学校', '状态', '数据行数', '工作表', '未合并原因', '检查错误数', '检查提示数'],
  merged: '已合并',
  rejected: '未合并',
  checkHint: '错误数、提示数是对各校原表运行“检查”的结果，打开该校的表格点“检查”即可查看详情。',
  duplicatesTitle: '同一孩子在多所学校登记（两行都已保留，请核实）',
  duplicateHeader: ['序号', '涉及文件', '合并表中的行', '说明'],
  mergedRows: (sheet: string, rows: number[]) => `${sheet} ` + rows.map((r) => `第${r}行`).join('、'),
  noDuplicates: '未发现同一孩子在多所学校登记。',
} as const;

/** What `baoxue merge` says on the terminal. */
export const MERGE_CLI = {
  reading: '读取',
  summary: (merged: number, files: number, rows: number, tables: number) =>
    `合并 ${tables} 种表格：${files} 个文件中 ${merged} 个已合并，共写入 ${rows} 行。`,
  /** One merged table on the terminal; "nothing left out" only when rows in and out agree. */
  tableLine: (title: string, sheet: string, rowsIn: number, rowsOut: number) =>
    `  “${title}” → 工作表“${sheet}”：读入 ${rowsIn} 行，写入 ${rowsOut} 行` + (rowsIn === rowsOut ? '，没有删减。' : `，少了 ${rowsIn - rowsOut} 行！`),
  rejectedLine: (file: string, reason: string) => `  未合并 ${file}：${reason}`,
  findingLine: (message: string) => `  提示：${message}`,
  nothingToMerge: '没有可以合并的表格，未写出文件。',
  encrypted: '输出文件已用密码加密，打开时需输入密码。',
  wrote: (f: string) => `已写入：${f}`,
} as const;
