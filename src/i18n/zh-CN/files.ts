import type { XlsxErrorCode, XlsxErrorParams } from '../../io/xlsx/errors';

/** Size in bytes as people read it (MB/GB). */
function size(bytes: string | number | undefined): string {
  const n = Number(bytes ?? 0);
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(n / 1024 ** 2))} MB`;
}

/** What went wrong with a workbook file and what the user can do about it. */
export const FILE_TEXTS: Record<XlsxErrorCode, (p: XlsxErrorParams) => string> = {
  empty: () => '文件是空的（0 字节）。请确认选对了文件，或从原始来源重新获取后再检查。',
  'not-zip': () =>
    '文件不是 Excel 工作簿（.xlsx），可能是 .csv、文本或其它文件改了扩展名。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。',
  xls: () => '这是旧版 Excel 97-2003 工作簿（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再检查。',
  encrypted: () => '文件已加密，请在 Excel 中用密码打开后另存为未加密的副本再检查。',
  'bad-password': () => '密码不对，无法打开这个加密的工作簿。请核对密码（注意大小写和全角、半角）后再试。',
  'encryption-unsupported': () =>
    '这个工作簿用本工具不支持的方式加密（例如旧版 Office 的加密或证书加密）。请在 Excel 或 WPS 中用密码打开，另存为未加密的副本再检查。',
  'not-workbook': () =>
    '这是压缩包或 Word、PowerPoint 等文档，不是 Excel 工作簿。请选择 .xlsx 格式的表格文件。',
  xlsb: () => '这是 Excel 二进制工作簿（.xlsb），暂不支持。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再检查。',
  corrupt: () =>
    '文件已损坏或不完整（可能下载、复制或传输时中断）。请重新获取原文件；如果 Excel 能打开，请打开后另存为新的 .xlsx 文件再检查。',
  'zip-bomb': (p) =>
    `文件解压后超过 ${size(p.limit)}，可能已损坏或是恶意构造的文件，已拒绝读取。如确为正常的大文件，请拆分成几个文件后再检查。`,
  'too-large': (p) =>
    `工作簿的单元格或行过多（读到工作表“${p.sheet}”时超过 ${p.limit} 个），无法读取。请删除多余的空白行列或拆分表格后再检查。`,
  'sheet-missing': (p) => `工作簿中找不到工作表“${p.name}”。请检查工作表名称是否被改动。`,
  'sheet-exists': (p) =>
    `工作簿中已有名为“${p.name}”的工作表，它不是本工具添加的。为免覆盖您的数据，未做任何修改；请把该工作表改名后再试。`,
  'bad-sheet-name': (p) =>
    `工作表名“${p.name}”不可用：名称须为 1 到 31 个字符，且不能包含 \\ / ? * [ ] : 这些字符，也不能以单引号开头或结尾。`,
  'last-visible-sheet': (p) => `不能删除工作表“${p.name}”：工作簿至少要保留一个可见的工作表。`,
  'shared-formula': (p) =>
    `单元格 ${p.sheet}!${p.cell} 是一组共享公式的起点，改写它会破坏同组其它单元格的公式。请先在 Excel 中处理该公式，再重新操作。`,
  'bad-address': (p) => `单元格地址“${p.ref}”无效，应为 A1 这样的写法。`,
  'bad-color': (p) => `颜色“${p.color}”无效，应为 RRGGBB 形式的六位十六进制颜色，例如 FFC7CE。`,
  'list-too-long': (p) =>
    `下拉列表（${p.sqref}）的选项合计超过 255 个字符或含有英文逗号，Excel 无法保存。请把选项放到一个工作表中，改用区域引用。`,
  'no-sheets': () => '要生成的工作簿里没有工作表，至少需要一个。',
  'part-broken': (p) =>
    `文件中的“${p.part}”部分格式错误或不完整（可能传输中断或被其它软件改坏），无法完整读取；为免漏掉数据，未做检查。请在 Excel 或 WPS 中打开后另存为新的 .xlsx 文件再检查。`,
  'no-worksheets': () =>
    '工作簿里没有可以读取的普通工作表（可能只有图表页或工作表已丢失）。请确认选对了文件，或在 Excel 中打开后另存为新的 .xlsx 文件再检查。',
  'sheet-part-missing': (p) =>
    `工作表“${p.sheet}”的内容在文件中找不到，文件可能已损坏或不完整。请重新获取原文件，或在 Excel 中打开后另存为新的 .xlsx 文件再检查。`,
  'too-many-strings': (p) =>
    `工作簿中的文字条目过多（超过 ${p.limit} 条），无法读取。请删除多余内容或拆分成几个文件后再检查。`,
  'not-regular-file': () =>
    '这不是一个普通文件（可能是文件夹、管道、设备或指向它们的链接），无法读取。请选择保存在磁盘上的 .xlsx 文件。',
  'file-too-large': (p) =>
    `文件太大（${size(p.size)}，超过 ${size(p.limit)}），已拒绝读取。请确认选对了文件；如确为正常的大文件，请拆分成几个文件后再检查。`,
  'cell-too-long': (p) =>
    `单元格 ${p.sheet}!${p.cell} 的文字有 ${p.length} 个字符，超过 Excel 每格 32767 个字符的上限，Excel 会截断或拒绝打开。为免内容被截掉，未写出文件；请把这段文字缩短或分到几个单元格后再试。`,
  'unsafe-entry': (p) => `压缩包条目名“${p.name}”指向文件夹之外或不合规，不能写入工作簿。`,
  'part-too-large': () => '要写出的工作簿中有一部分超过 4 GB，无法保存。请拆分表格后再试。',
};

/** Written in the very hidden sheet that remembers the formats 标记错误 replaced, so anyone who finds it knows what it is. */
export const MARKS_SHEET_PURPOSE =
  '本表由保学助手自动维护：记录“标记错误”改动前各单元格的原有格式，供“清除标记”恢复。请勿修改或删除；清除全部标记后本表会自动删除。';
