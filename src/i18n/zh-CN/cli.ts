/** Every word the command line says. */
export const CLI = {
  usage: `用法：
  baoxue check 文件或文件夹… [--json] [--profile 名称] [--ref-date 2026-09-01] [--issued 下发表.xlsx] [--mask] [--password 密码]
  baoxue fill 文件.xlsx -o 输出.xlsx [--summary] [--password 密码]
  baoxue merge 文件或文件夹… -o 县汇总.xlsx [--json] [--mask] [--password 密码]
  baoxue notices 文件.xlsx -o 通知书.xlsx --unit 单位 --date 报到截止日期(如 2026-12-01) [--profile 地区] [--pdf]
  baoxue arm 文件.xlsx -o 输出.xlsx [--profile 名称] [--ref-date 2026-09-01]（给表格加上自动检查）
  baoxue templates [输出文件夹] [--route centralized|share|sideload] [--share \\\\服务器\\加载项]

  检查、汇总、合并控辍保学官方表格。文件只在本机处理，不会上传。
  --password：打开加了密码的工作簿；fill、merge 写出的文件也用这个密码加密。
  --profile：按地区配置检查（profiles/ 中的瓦房店、赣县、城口、枣庄，或一个 .json 文件），通知书引用该地区的法律法规。
  --route：模板面向的加载项部署方式，决定打开模板时能否自动打开助手：centralized（默认，Microsoft 365 管理中心集中部署）、share（网络共享文件夹，须用 --share 给出路径）、sideload（开发者旁加载）。
  --mask：报告中的身份证号只留地区码和最后一位，姓名只留第一个字（不加 --json 时总是如此）。`,
  unknownCommand: (c: string) => `不认识的命令“${c}”。`,
  unknownOption: (o: string) => `不认识的选项“${o}”。运行 baoxue --help 查看可用的选项。`,
  optionNeedsValue: (o: string) => `选项“${o}”后面要跟一个值，例如 -o 汇总.xlsx。运行 baoxue --help 查看用法。`,
  optionTakesNoValue: (o: string) => `选项“${o}”不带值，请去掉“=”及其后面的内容。`,
  badArguments: '命令行参数有误。运行 baoxue --help 查看用法。',
  noInput: '请给出要处理的 .xlsx 文件或文件夹。',
  needOutput: '请用 -o 指定输出文件，例如：-o 汇总.xlsx',
  sameAsInput: '输出文件不能与输入文件相同：命令行从不覆盖原文件，请换一个文件名。',
  notFound: (f: string) => `找不到文件或文件夹：${f}`,
  badDate: (d: string) => `日期“${d}”格式不对，请写成 2026-09-01 这样。`,
  badProfile: (p: string, why: string) => `无法读取配置“${p}”：${why}`,
  unreadable: '无法读取',
  noTables: '未找到官方表格',
  fileHeader: (f: string) => `文件：${f}`,
  sheetLine: (sheet: string, title: string, rows: number, header: number) =>
    `  工作表“${sheet}”：${title}，表头在第${header}行，共 ${rows} 行数据`,
  findingLine: (cell: string, level: string, message: string, fix: string) => `    ${cell}  [${level}] ${message}。${fix ? `处理：${fix}` : ''}`,
  error: '错误',
  warning: '提示',
  summary: (files: number, errors: number, warnings: number) => `共检查 ${files} 个文件：${errors} 处错误，${warnings} 处提示。`,
  clean: '  未发现问题。',
  unexpected: (why: string) => `处理时出现意外问题：${why}。原文件未被改动；请把这条信息告诉技术支持。`,
  wrote: (f: string) => `已写入：${f}`,
  issuedUnreadable: (f: string, why: string) => `无法读取下发表“${f}”：${why}`,
  outputExtension: (ext: string) =>
    ext === '.xlsm'
      ? '输入是启用宏的工作簿（.xlsm），输出文件也要用 .xlsm 扩展名，否则 Excel 打不开；宏会原样保留，本工具不会运行它。'
      : '输出文件要用 .xlsx 扩展名，否则 Excel 打不开。',
  encryptedOutput: '输出文件已用密码加密，打开时需输入密码。',
  needPassword: '文件已加密，需要密码才能打开：请在命令后加上 --password 密码 再运行。',
  noPermission: '没有读取这个文件的权限，请检查文件是否被其他程序占用或设为只读',
  isFolder: '这是一个文件夹，不是工作簿',
} as const;

/** Why a file or folder could not be used, in place of the system's English text. */
export const CLI_FS = {
  noFolder: (dir: string) => `找不到文件夹“${dir}”：请先建好这个文件夹，或换一个输出位置。`,
  notFolder: (dir: string) => `“${dir}”不是文件夹：请换一个输出位置。`,
  noWritePermission: (dir: string) => `没有在“${dir}”中写文件的权限：请换一个输出位置，或请管理员开放权限。`,
  readOnly: (dir: string) => `“${dir}”所在的磁盘是只读的（例如光盘或写保护的 U 盘）：请换一个输出位置。`,
  diskFull: (dir: string) => `“${dir}”所在的磁盘空间不足，文件没有写出：请清理磁盘或换一个输出位置。`,
  outputIsFolder: (f: string) => `“${f}”是一个文件夹：请在 -o 后给出文件名，例如 -o 汇总.xlsx。`,
  busy: (f: string) => `“${f}”正被其他程序占用（例如在 Excel 中打开着）：请关闭后再试。`,
  nameTooLong: '文件名或路径太长：请换一个短一些的文件名或文件夹。',
  cannotWrite: (f: string) => `无法读写“${f}”：请检查文件或文件夹是否存在、是否有权限、磁盘是否已满。原文件未被改动。`,
} as const;
