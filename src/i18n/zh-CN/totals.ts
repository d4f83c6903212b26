/** Every word of the totals and summary sheets and of `baoxue fill`. */
export const TOTALS_TEXTS = {
  total: '总计',
  all: '合计',
  /** Column for rows whose category is empty or not a dropdown item. */
  other: '未填或不规范',
  returned: '已复学',
  notReturned: '尚未复学',
  persuasionResult: '劝返结果',
  /** A row whose 区县/学校 is empty. */
  blankGroup: '（未填写）',
  /** Names of category columns whose official header is only 备注. */
  remarkColumns: { studentType: '学生类型', povertyType: '人员类别' } as Record<string, string>,
  summarySheet: '汇总',
  summarySheetOf: (table: string) => `汇总(${table})`,
  summaryTitle: (title: string) => `${title}（汇总）`,
  /** A totals sheet written anew beside one that has too few rows. */
  refilledSheet: (sheet: string) => `${sheet}(按明细)`,
  filled: (sheet: string, groups: number) => `已填写“${sheet}”：${groups} 行数据和总计行`,
  addedSheet: (sheet: string) => `已新建工作表“${sheet}”`,
  tooFewRows: (sheet: string, missing: number, added: string) =>
    `“${sheet}”还差 ${missing} 个空行才能写下全部地区，原表未改动，汇总已写入新工作表“${added}”`,
  uncounted: (sheet: string, count: number, rows: string) => `“${sheet}”有 ${count} 行未计入汇总（类别为空或不规范，或未填地区）：第 ${rows} 行`,
  oneInput: 'fill 一次处理一个工作簿，请只给出一个文件。',
  addedSummary: (sheet: string) => `已新建汇总表“${sheet}”`,
  nothingToFill: '这个工作簿中没有可以填写的汇总表（需要明细表，如附件4）。加 --summary 可为各明细表生成汇总表。',
} as const;
