import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Every part of a zip, decompressed, by name. */
export function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const data = partsOf(bytes)[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** Rewrites one part of a zip with `edit` (test fixtures only). */
export function editPart(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const parts = partsOf(bytes);
  const out: Zippable = {};
  for (const [k, v] of Object.entries(parts)) out[k] = k === name ? strToU8(edit(strFromU8(v))) : v;
  return zipSync(out);
}

export function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  const out: Zippable = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(out);
}

/** Nine validations over whole columns (A..I), as official templates carry them. */
export const WHOLE_COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

/** The Excel 2010 form of a cross-sheet list, which exceljs cannot write: injected into the sheet XML. */
export const X14_EXT =
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
  '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
  '<x14:formula1><xm:f>字典!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>J3:J100</xm:sqref>' +
  '</x14:dataValidation></x14:dataValidations></ext></extLst>';

/**
 * Validations by range (exceljs' per-cell API writes overlapping ranges); its typings omit
 * worksheet.dataValidations, which the library has.
 */
function addValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
}

/**
 * A ledger-like workbook (synthetic people): merged title, styled header, nine whole-column
 * validations, an x14 list on the hidden 字典 sheet, hidden row, rich text, formulas with and
 * without cached values, an error, a date, a very hidden sheet and a defined name.
 */
export async function ledgerFixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = '测试县疑似失学儿童台账';
  ws.getCell('A1').font = { bold: true, size: 16 };
  ws.getRow(2).values = ['序号', '姓名', '性别', '身份证号', '出生日期', '学校', '备注', '金额', '公式', '核查结果'];
  ws.getRow(2).font = { bold: true };
  ws.getRow(2).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
  ws.getRow(3).values = [1, '张三', '男', '110101201001011234', new Date(Date.UTC(2010, 0, 1)), '第一小学', '', 12.5];
  ws.getRow(4).values = [2, '李四', '女', '110101201102021236', new Date(Date.UTC(2011, 1, 2)), '第二小学', '', 8];
  ws.getCell('G3').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] };
  ws.getCell('I3').value = { formula: 'H3*2', result: 25 };
  ws.getCell('I4').value = { formula: 'H4*2' };
  ws.getCell('G4').value = { error: '#N/A' };
  ws.getRow(5).values = [3, '王五'];
  ws.getRow(5).hidden = true;
  for (const c of WHOLE_COLUMNS) {
    addValidation(ws, `${c}1:${c}1048576`, { type: 'textLength', operator: 'lessThanOrEqual', formulae: [500], allowBlank: true });
  }
  addValidation(ws, 'C3:C100', { type: 'list', formulae: ['"男,女"'], allowBlank: true });
  const dict = wb.addWorksheet('字典');
  dict.state = 'hidden';
  ['A.户籍原因', 'B.在校有学籍', 'C.省内就读', 'D.省外就读', 'E.延缓入学'].forEach((v, i) => (dict.getCell(i + 1, 1).value = v));
  const meta = wb.addWorksheet('元数据');
  meta.state = 'veryHidden';
  meta.getCell('A1').value = 'ledger@1';
  wb.definedNames.add("'字典'!$A$1:$A$5", '核查结果');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return editPart(bytes, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</worksheet>', `${X14_EXT}</worksheet>`));
}

/** The same date written by a workbook in the 1904 date system. */
export async function date1904Fixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('日期');
  ws.getCell('A1').value = new Date(Date.UTC(2021, 2, 5));
  ws.getCell('B1').value = 5;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
