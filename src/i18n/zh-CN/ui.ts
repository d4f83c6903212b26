/**
 * Every word of the task pane, the ribbon commands, the 审核意见 sheet and the add-in's
 * pages. Plain data and small functions, no imports: webpack.config.js reads it too.
 */
export const ui = {
  appName: '保学助手',
  tagline: '检查控辍保学表格，标记问题，生成审核意见',

  actions: {
    check: '检查',
    mark: '标记错误',
    clear: '清除标记',
    review: '生成审核意见',
    repair: '修复下拉菜单',
    totals: '填写汇总',
    /** The ribbon button that opens the pane (manifest.xml, Pane.Label). */
    openPane: '打开助手',
    retry: '重试',
    showMore: (n: number) => `显示更多（还有 ${n} 条）`,
    trace: '追溯汇总数',
    traceFinding: '查看明细',
    merge: '合并工作簿',
    close: '关闭',
    exportReview: '导出审核意见',
    printReview: '打印审核意见',
    notices: '生成通知书',
  },

  /** The pane's switch for opening it with this workbook (Office.AutoShowTaskpaneWithDocument). */
  autoOpen: {
    label: '打开此工作簿时自动打开保学助手',
    hint: '保存工作簿后生效，发给别人的文件也会带上这个设置（对方须已安装保学助手）。',
    failed: '没能修改自动打开设置（工作簿可能是只读的）。',
  },

  /** The Excel pane's check, which runs in the background (a Web Worker) with a cancel button. */
  checkProgress: {
    sending: (done: number, total: number) => `正在把表格交给后台检查：${done} / ${total} 行`,
    checking: (total: number) => `正在后台检查 ${total} 行…`,
    cancel: '取消检查',
    cancelled: '检查已取消，工作簿没有任何改动。',
  },

  busy: {
    reading: '正在读取工作簿…',
    checking: '正在检查…',
    marking: '正在标记…',
    clearing: '正在清除标记…',
    review: '正在生成审核意见…',
    repair: '正在修复下拉菜单…',
    totals: '正在填写汇总…',
    trace: '正在追溯汇总数…',
    merge: (files: number) => `正在合并 ${files} 个工作簿…`,
  },

  empty: {
    title: '还没有检查',
    body: '打开要上报的控辍保学表格，点击“检查”。助手会找出表格里的问题，点一下问题就能跳到对应的单元格。',
  },

  /** Rule families (the part of a rule id before the dot), for the summary and the filter. */
  families: {
    header: '表头',
    required: '必填项',
    category: '下拉选项',
    idcard: '身份证号',
    age: '年龄',
    date: '日期',
    'return-status': '复学情况',
    gender: '性别',
    duplicate: '重复登记',
    serial: '序号',
    persuasion: '劝返记录',
    totals: '汇总数',
    merge: '合并',
    issued: '下发表',
    file: '文件',
  },

  filter: {
    label: '筛选问题',
    severity: '级别',
    family: '类别',
    sheet: '工作表',
    all: '全部',
    shown: (shown: number, total: number) => `显示 ${shown} 条，共 ${total} 条`,
    none: '没有符合筛选条件的问题。',
  },

  summary: {
    label: '问题概况',
    family: '类别',
    errors: '错误',
    warnings: '提醒',
    firstTitle: '请先处理',
  },

  /** The child a finding is about, beside it in the pane and the 审核意见. */
  child: {
    label: (name: string, serial: string) => [name, serial ? `序号 ${serial}` : ''].filter(Boolean).join(' · '),
  },

  /** Shown when the cell picked in the sheet has findings. */
  picked: {
    label: '所选单元格的问题',
    title: (sheet: string, cell: string) => `${sheet}!${cell} 的问题`,
  },

  recheck: {
    changed: (sheet: string, cells: string) => `已修改工作表“${sheet}”的 ${cells}（已高亮显示），并已重新检查。`,
    moreCells: (shown: string, more: number) => `${shown} 等 ${more} 处`,
  },

  report: {
    regionLabel: '检查结果',
    errors: '错误',
    warnings: '提醒',
    counts: (errors: number, warnings: number) => `错误 ${errors} 条，提醒 ${warnings} 条`,
    tablesTitle: '识别到的表格',
    table: (sheet: string, title: string, rows: number) => `工作表“${sheet}”：${title}（${rows} 行）`,
    unrecognised: (sheets: string[]) => `未识别的工作表：${sheets.join('、')}`,
    noTables: '这个工作簿里没有找到控辍保学的官方表格。',
    clean: '没有发现问题。',
    sheet: (name: string) => `工作表“${name}”`,
    sheetCounts: (errors: number, warnings: number) => `错误 ${errors} · 提醒 ${warnings}`,
    sheetCell: (sheet: string, cell: string, column: string) => `${sheet}!${cell}${column ? ` · ${column}` : ''}`,
    fix: (fix: string) => `修改建议：${fix}`,
    findingLabel: (severity: string, cell: string, message: string) => `${severity}，${cell}：${message}。按回车键跳到该单元格`,
    attempts: {
      caption: '劝返记录',
      index: '次',
      date: '日期',
      people: '人员',
      method: '方式',
      result: '结果',
      inferredMark: '（推定）',
      inferredYear: '记录中没有写年份，按检查基准日推定',
    },
  },

  done: {
    marked: (cells: number, notes: number) => (notes > 0 ? `已标记 ${cells} 个单元格，其中 ${notes} 个附有批注。` : `已标记 ${cells} 个单元格。`),
    withoutNote: (n: number) => `另有 ${n} 个单元格未加批注，详见“审核意见”表。`,
    cleared: '已清除助手添加的标记，单元格原来的格式不受影响。',
    review: (sheet: string) => `已生成“${sheet}”工作表。`,
    repaired: (places: number) => `已修复 ${places} 处：恢复官方下拉菜单，或把写错的选项改为下拉框中的写法。`,
    nothingToRepair: '没有找到需要下拉菜单的列。',
    totals: (sheets: number) => `已填写 ${sheets} 张汇总表，请再检查一次。`,
    nothingToTotal: '没有找到可以汇总的明细表。',
  },

  errors: {
    generic: (detail: string) => `操作没有完成：${detail}`,
    readRefused: (sheet: string, row: number) => `Excel 没有返回工作表“${sheet}”第 ${row} 行的内容（表格过大）。请删去多余的空行空列后再试，或使用浏览器版。`,
    markUnsupported: '这个版本的 Excel 不支持标记单元格，请升级到 Office 2021 或 Microsoft 365，或使用浏览器版。',
    validationUnsupported: '这个版本的 Excel 不支持修复下拉菜单，请升级到 Office 2021 或 Microsoft 365，或使用浏览器版。',
    checkFirst: '请先点击“检查”。',
    insertUnsupported: '这个版本的 Excel 不能把其他工作簿的工作表插入进来（需要 Office 2021 或 Microsoft 365）。',
  },

  mark: {
    /** Starts every note the add-in writes; 清除标记 removes only notes that start with it. */
    notePrefix: '【保学助手】',
    /** One finding in a cell's note (the browser page's saved copy): what is wrong, and the fix. */
    note: (severity: string, message: string, fix: string) => `${severity}：${message}\n修改建议：${fix}`,
  },

  trace: {
    regionLabel: '汇总数明细',
    label: (group: string, measure: string) => (group ? `${group} · ${measure}` : measure),
    figure: (value: number) => `按明细计算为 ${value}`,
    rowsCaption: (sheet: string, rows: number) => `计入的明细行：工作表“${sheet}”，共 ${rows} 行，点一下跳到该行`,
    row: (row: number, cell: string) => `第 ${row} 行（${cell}）`,
    rowLabel: (sheet: string, row: number) => `工作表“${sheet}”第 ${row} 行。按回车键跳到该行`,
    noRows: '没有明细行计入这个数，它应为 0。',
    notFigure: (sheet: string, cell: string) =>
      `所选单元格（${sheet}!${cell}）不是汇总表中的数。请先选中汇总表里的一个数（如某区县的“K类”），工作簿中还要有它所依据的明细表。`,
  },

  merge: {
    regionLabel: '合并结果',
    pickLabel: '选择各校的工作簿（.xlsx，可多选）',
    summary: (title: string, files: number, merged: number, rows: number) => `合并“${title}”：${files} 个文件中 ${merged} 个已合并，共 ${rows} 行。`,
    nothingMerged: (files: number) => `${files} 个文件中没有可以合并的官方表格，没有写入任何内容。`,
    inputsTitle: '各个文件',
    mergedInput: (file: string, school: string, rows: number) => `${file}${school ? `（${school}）` : ''}：已合并 ${rows} 行`,
    rejectedInput: (file: string, reason: string) => `${file}：未合并。${reason}`,
    duplicatesTitle: (n: number) => `同一孩子在多所学校登记：${n} 人（两行都已保留，请核实）`,
    duplicateLabel: (message: string) => `${message}。按回车键跳到合并表中的这一行`,
    wroteSheets: (sheets: string[]) => `已把合并结果写入工作表：${sheets.join('、')}。`,
    wroteFile: (file: string) => `已生成合并后的工作簿：${file}`,
    someRejected: (n: number) => `另有 ${n} 个文件未合并，原因见下方。`,
  },

  review: {
    sheetName: '审核意见',
    title: '审核意见',
    summary: (date: string, errors: number, warnings: number) => `检查日期：${date}　错误 ${errors} 条，提醒 ${warnings} 条`,
    headers: ['序号', '姓名', '原始序号', '工作表', '单元格', '列', '级别', '问题', '修改建议'],
    none: '未发现问题。',
    /** A finding about no one child (a totals figure, a header). */
    noChild: '（整张表）',
    /** The exported workbook: 瓦房店市附件4 审核意见.xlsx */
    fileName: (base: string) => `${base} 审核意见.xlsx`,
    exported: (file: string) => `已导出“${file}”，在浏览器的下载文件夹中。`,
    printTitle: (file: string) => (file ? `审核意见：${file}` : '审核意见'),
  },

  notices: {
    title: '生成入学/复学通知书',
    unit: '发文单位',
    unitHint: '例如：某某镇人民政府',
    date: '通知日期',
    make: '生成',
    cancel: '取消',
    needUnit: '请填写发文单位。',
    needDate: '请填写通知日期（如 2026-12-01）。',
    busy: '正在生成通知书…',
    fileName: (base: string) => `${base} 通知书.xlsx`,
    done: (n: number, where: string) => `已生成 ${n} 份通知书：${where}`,
    none: '名单中没有需要发通知书的孩子（劝返中或已复学的除外）。',
  },

  repair: {
    errorTitle: '输入有误',
    errorMessage: (column: string) => `“${column}”只能从下拉菜单中选择。`,
    promptTitle: '请选择',
  },

  severity: {
    error: '错误',
    warning: '提醒',
  },

  /** Shown instead of the pane where Office runs add-ins in Internet Explorer or old Edge. */
  legacy: {
    title: '这个版本的 Excel 无法运行保学助手',
    body: 'Office 2016、Office 2019 等旧版本用 Internet Explorer 显示加载项，较旧的 Mac 系统的浏览器内核也太旧，保学助手需要更新的浏览器内核。',
    how: '请改用浏览器版：用 Edge、Chrome 或 360 浏览器（极速模式）打开下面的地址，选择要检查的表格文件即可，文件不会上传。',
    upgrade: '升级到 Office 2021 或 Microsoft 365 后，即可在 Excel 中直接使用。',
  },

  /** The pane's page when office.js did not load (a blocked CDN, an intranet without it). */
  noOffice: {
    title: '保学助手无法连接 Excel',
    body: '没有加载到 Office 的脚本（office.js）。通常是网络拦截了微软的 Office 脚本地址，或内网没有提供这个脚本。',
    how: '请联系管理员：允许访问 appsforoffice.microsoft.com（世纪互联版为 appsforoffice.cdn.partner.office365.cn），或按部署说明在内网提供 office.js。之后关闭并重新打开本窗格。',
    outside: '如果是直接在浏览器里打开了本页面，请改在 Excel 中点“开始 → 打开助手”，或使用浏览器版。',
  },

  /** help.html: the manifest's LearnMoreUrl and SupportUrl. */
  help: {
    title: '保学助手使用说明',
    intro: '保学助手检查控辍保学官方表格：标记有问题的单元格，生成“审核意见”工作表，修复下拉菜单，根据明细填写汇总表，合并各校上报的工作簿。表格只在本机处理，不会上传。',
    openTitle: '打开助手',
    open: '在 Excel 的“开始”选项卡点击“打开助手”，再点“检查”。也可以直接点“开始”选项卡上的“检查”或“填写汇总”。',
    autoTitle: '随工作簿自动打开',
    auto: '从教育局下发的模板新建的工作簿会自动打开助手。要让其他工作簿也自动打开，或关掉自动打开，请在助手窗格底部切换“打开此工作簿时自动打开保学助手”，然后保存工作簿。',
    oldTitle: 'Office 2016、Office 2019 或较旧的 Mac',
    old: '这些版本的 Excel 无法运行助手，请使用浏览器版：在 Edge、Chrome 或 360 浏览器（极速模式）中打开',
    supportTitle: '遇到问题',
    support: '窗格显示“无法连接 Excel”时，多半是网络拦截了微软的 Office 脚本，请联系本单位的信息管理员或县（区）教育局信息中心。报告问题时请说明 Excel 版本和看到的提示文字，不要发送含学生信息的表格。',
  },

  pageTitle: {
    taskpane: '保学助手',
    commands: '保学助手命令',
  },
} as const;
