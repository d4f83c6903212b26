/**
 * Every word of the browser page (browser.html) around the shared pane. Plain data and small
 * functions, no imports: webpack.config.js reads it for the page's static text.
 */
export const browser = {
  pageTitle: '保学助手（浏览器版）',
  title: '保学助手（浏览器版）',
  intro: '打开一个控辍保学表格（.xlsx），检查问题、标记错误、填写汇总、修复下拉菜单，再另存一份检查过的副本。适用于 WPS 和各个版本的 Excel 做的表格。',
  privacy: '文件只在本浏览器中处理，不会上传到任何服务器，也不会发送到网络上。',
  /** Shown instead of the page by browsers too old for it (boot.js checks). */
  legacy: {
    title: '这个浏览器版本太旧，无法运行保学助手',
    body: '请用新版的 Edge、Chrome、Firefox，或 360、QQ 浏览器的极速模式（并升级到最新版）打开本页面。文件只在本机处理，不会上传。',
  },
  noscript: '保学助手需要启用 JavaScript，请换用 Edge、Chrome 或 360 浏览器（极速模式）打开本页面。',

  open: '打开文件',
  openDemo: '打开示例表格',
  dropHint: '也可以把表格文件拖到这个页面上。',
  dropOverlay: '松开鼠标，打开这个文件',
  /** Asked before another file replaces one with changes not saved. */
  unsavedConfirm: (name: string) => `“${name}”的修改还没有另存，打开其他文件会丢失这些修改。仍要打开吗？`,
  /** The county's merge, from the welcome page: several schools' files at once. */
  merge: '合并各校工作簿',
  mergeHint: '县区汇总：一次选择（或拖入）多个学校的表格，合并成一个工作簿。',
  mergePickLabel: '选择要合并的各校表格文件（.xlsx，可多选）',
  mergedOpened: (file: string, merged: number, files: number) =>
    `已把 ${files} 个文件中的 ${merged} 个合并为“${file}”，已下载到浏览器的下载文件夹，并在本页打开。`,
  mergeFailed: (reason: string) => `合并没有完成：${reason}`,
  save: '另存为（已检查）',
  saved: (name: string) => `已另存为“${name}”，在浏览器的下载文件夹中。`,
  /** Ends the name of the saved copy: 瓦房店市附件4（已检查）.xlsx */
  checkedSuffix: '（已检查）',
  /** The county workbook 合并工作簿 downloads: 失学辍学儿童少年统计表（合并）.xlsx */
  mergedFile: (title: string) => `${title}（合并）.xlsx`,
  pickLabel: '选择要检查的表格文件（.xlsx）',

  openFailed: (name: string, reason: string) => `无法打开“${name}”：${reason}`,
  saveFailed: (reason: string) => `没有保存成功：${reason}`,
  demoFailed: (reason: string) => `示例表格没有加载成功：${reason}`,

  stage: {
    unzip: '正在打开文件…',
    read: '正在读取工作表…',
    check: '正在检查…',
    totals: '正在计算汇总…',
    merge: '正在合并各校的工作簿…',
    write: '正在修改表格…',
    save: '正在生成文件…',
  },
  progressLabel: '进度',

  sheets: '工作表',
  hiddenSheet: (name: string) => `${name}（隐藏）`,
  gridLabel: (sheet: string) => `工作表“${sheet}”的内容（方向键移动单元格）`,
  emptySheet: '这个工作表是空的。',
  /** Read out when the keyboard moves the grid's selected cell. */
  cellSaid: (cell: string, text: string) => `${cell}：${text || '空'}`,
  columnsCut: (shown: number, total: number) => `只显示前 ${shown} 列（共 ${total} 列）。`,
  fileLabel: (name: string) => `当前文件：${name}`,
} as const;
