/** Every word the generated templates (templates/*.xlsx) show beyond the official tables' own text. */
export const TEMPLATE_TEXTS = {
  /** Hidden sheet holding dropdown lists too long to write inline. */
  dictionarySheet: '字典',
  promptTitle: (label: string) => label,
  prompt: (items: readonly string[]) => `请从下拉框中选择：${items.join('、')}`,
  promptShort: '请点击单元格右侧的箭头，从下拉框中选择标准内容。',
  errorTitle: '输入有误',
  error: (label: string, items: readonly string[]) => `“${label}”只能填写下拉框中的内容：${items.join('、')}。`,
  errorShort: (label: string) => `“${label}”只能填写下拉框中的标准内容，请点击单元格右侧的箭头选择。`,
  /** Joins the titles of tables issued together into one file name. */
  and: '及',
  /** Blanks of a printed notice, filled in by hand. */
  blank: '__________',
  shortBlank: '____',
  dateBlank: '______年____月____日',
  /** Indent of a letter's body paragraphs. */
  indent: '\u3000\u3000',
  noManifest: (from: string) => `找不到加载项清单 manifest.xml（已从 ${from} 逐级向上查找），无法生成带加载项的模板。`,
  badRoute: (name: string, names: readonly string[]) => `不认识的加载项部署方式“${name}”，可选：${names.join('、')}。`,
  noSharePath: '部署方式为 share（网络共享文件夹）时，请用 --share 给出共享文件夹路径，例如 --share \\\\服务器\\加载项。',
  badSharePath: (path: string) => `共享文件夹路径“${path}”格式不对：请照“信任中心 → 受信任的加载项目录”中的写法填写，例如 \\\\服务器\\加载项。`,
  shareWithoutRoute: '只有部署方式为 share（网络共享文件夹）时才能给出 --share。',
  badManifest: '加载项清单 manifest.xml 中缺少 <Id> 或 <Version>，无法生成带加载项的模板。',
} as const;
