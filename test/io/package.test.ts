import { codeOf } from '../helpers/xlsxError';
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { openPackage, readWorkbook } from '../../src/io/xlsx';
import { editPart, ledgerFixture, partsOf, partText, X14_EXT } from './fixtures';
import { itWithOpenpyxl, openpyxlJson } from './python';

const SHEET = 'xl/worksheets/sheet1.xml';
const tail = (xml: string) => xml.slice(xml.indexOf('</sheetData>'));
/** The open tag of one cell, e.g. '<c r="B3" s="5" t="s">'. */
const cellTag = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>`).exec(xml)?.[0] ?? null;
const styleOf = (xml: string, ref: string) => /\ss="(\d+)"/.exec(cellTag(xml, ref) ?? '')?.[1] ?? null;
const inner = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';


/** Names of the parts whose decompressed content differs (or that appear or vanish). */
function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = partsOf(before);
  const b = partsOf(after);
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => !a[n] || !b[n] || Buffer.compare(Buffer.from(a[n]!), Buffer.from(b[n]!)) !== 0).sort();
}

describe('XlsxPackage round trip', () => {
  let original: Uint8Array;
  let result: Uint8Array;
  beforeAll(async () => {
    original = await ledgerFixture();
    const pkg = openPackage(original);
    pkg.markCells('台账', ['B3', 'D4', 'K20'], 'FFC7CE');
    pkg.setCells('台账', [
      { row: 2, col: 10, value: '已核查' },
      { row: 30, col: 0, value: 99, style: { bold: true } },
      { row: 3, col: 1, value: '李四（改）' },
    ]);
    pkg.addSheet({ name: '检查结果', cells: [{ row: 0, col: 0, value: '共 2 处问题', style: { bold: true } }] });
    pkg.clearMarks('台账');
    result = pkg.toBytes();
  });

  it('changes only the edited sheet, styles and the parts that list sheets', () => {
    expect(changedParts(original, result)).toEqual(
      ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', SHEET, 'xl/worksheets/sheet4.xml'].sort(),
    );
  });

  it('keeps the zip order of the original parts', () => {
    const before = Object.keys(partsOf(original));
    expect(Object.keys(partsOf(result)).filter((n) => before.includes(n))).toEqual(before);
  });

  it('keeps merges, validations (x14 too) and everything after the cells byte for byte', () => {
    const xml = partText(result, SHEET);
    expect(tail(xml)).toBe(tail(partText(original, SHEET)));
    expect(xml).toContain(X14_EXT);
    const sheet = readWorkbook(result).sheets[0]!;
    expect(sheet.validations).toEqual(readWorkbook(original).sheets[0]!.validations);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 9 }]);
  });

  it('keeps existing styles: indexes, cells and the style list as a prefix', () => {
    const before = partText(original, SHEET);
    const after = partText(result, SHEET);
    for (const ref of ['A1', 'A2', 'B2', 'B3', 'D4', 'E3', 'G3']) expect(cellTag(after, ref)).toBe(cellTag(before, ref));
    const [stylesBefore, stylesAfter] = [partText(original, 'xl/styles.xml'), partText(result, 'xl/styles.xml')];
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
      expect(inner(stylesAfter, list).startsWith(inner(stylesBefore, list))).toBe(true);
    }
  });

  it('writes the values and removes the mark of a cell that did not exist', () => {
    const sheet = readWorkbook(result).sheets[0]!;
    expect(sheet.rows[2]![10]).toBe('已核查');
    expect(sheet.rows[30]![0]).toBe(99);
    expect(sheet.rows[3]![1]).toBe('李四（改）');
    expect(cellTag(partText(result, SHEET), 'K20')).toBeNull();
  });

  it('reads the new state through readGrid, without the marks memory', () => {
    const pkg = openPackage(result);
    expect(pkg.readGrid().sheets.map((s) => s.name)).toEqual(['台账', '字典', '元数据', '检查结果']);
  });

  itWithOpenpyxl('opens in openpyxl with its merges, validations and values', () => {
    const seen = openpyxlJson<{ sheets: string[]; k3: string; a31: number; merges: string[]; dv: number; states: string[] }>(
      result,
      `wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['台账']
print(json.dumps({'sheets': wb.sheetnames, 'k3': ws['K3'].value, 'a31': ws['A31'].value, 'merges': [str(m) for m in ws.merged_cells.ranges],
  'dv': len(ws.data_validations.dataValidation), 'states': [s.sheet_state for s in wb.worksheets]}))`,
    );
    expect(seen).toEqual({
      sheets: ['台账', '字典', '元数据', '检查结果'],
      k3: '已核查',
      a31: 99,
      merges: ['A1:J1'],
      dv: 10,
      states: ['visible', 'hidden', 'veryHidden', 'visible'],
    });
  });
});

describe('macro-enabled workbooks (.xlsm)', () => {
  it('are read and written back with the macro part untouched, never run', async () => {
    const vba = new Uint8Array([0xcc, 0x61, 0x00, 0x01, 0x02, 0x03]);
    let bytes = editPart(await ledgerFixture(), '[Content_Types].xml', (x) =>
      x
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    const parts = partsOf(bytes);
    parts['xl/vbaProject.bin'] = vba;
    const { zipSync } = await import('fflate');
    bytes = zipSync(parts);
    expect(readWorkbook(bytes).sheets[0]!.rows[2]![1]).toBe('张三');
    const pkg = openPackage(bytes);
    pkg.setCells('台账', [{ row: 2, col: 10, value: '已核查' }]);
    const out = pkg.toBytes();
    expect([...partsOf(out)['xl/vbaProject.bin']!]).toEqual([...vba]);
    expect(partText(out, '[Content_Types].xml')).toContain('macroEnabled.main+xml');
  });
});

describe('marks', () => {
  it('are remembered in the file, and a later run restores the formats exactly', async () => {
    const original = await ledgerFixture();
    const first = openPackage(original);
    first.markCells('台账', ['A2', 'B3', 'G3', 'I4'], '#FFC7CE');
    const marked = first.toBytes();
    const markedXml = partText(marked, SHEET);
    expect(styleOf(markedXml, 'B3')).not.toBe(styleOf(partText(original, SHEET), 'B3'));
    expect(readWorkbook(marked).sheets.map((s) => s.name)).toEqual(['台账', '字典', '元数据']);

    const later = openPackage(marked);
    later.clearMarks('台账');
    const cleared = later.toBytes();
    expect(changedParts(original, cleared)).toEqual(['xl/styles.xml']);
  });

  it('copy the cell format with only the fill changed', async () => {
    const pkg = openPackage(await ledgerFixture());
    pkg.markCells('台账', ['A2'], 'FFC7CE');
    const bytes = pkg.toBytes();
    const styles = partText(bytes, 'xl/styles.xml');
    const xfs = inner(styles, 'cellXfs').match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const attrs = (xf: string) => Object.fromEntries([...xf.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const before = attrs(xfs[Number(styleOf(partText(await ledgerFixture(), SHEET), 'A2'))]!);
    const after = attrs(xfs[Number(styleOf(partText(bytes, SHEET), 'A2'))]!);
    expect({ ...after, fillId: before.fillId, applyFill: before.applyFill }).toEqual(before);
    const fills = inner(styles, 'fills').match(/<fill>[\s\S]*?<\/fill>/g)!;
    expect(fills[Number(after.fillId)]).toContain('FFFFC7CE');
  });

  it('leave alone a cell whose format changed after marking', async () => {
    const pkg = openPackage(await ledgerFixture());
    pkg.markCells('台账', ['B3'], 'FFC7CE');
    pkg.setCells('台账', [{ row: 2, col: 1, value: '张三', style: { fontColor: '0000FF' } }]);
    const styled = styleOf(partText(pkg.toBytes(), SHEET), 'B3');
    pkg.clearMarks('台账');
    expect(styleOf(partText(pkg.toBytes(), SHEET), 'B3')).toBe(styled);
  });

  it('refuse a colour that is not RRGGBB', async () => {
    const pkg = openPackage(await ledgerFixture());
    expect(codeOf(() => pkg.markCells('台账', ['A1'], 'red'))).toBe('bad-color');
    expect(codeOf(() => pkg.markCells('台账', ['not a cell'], 'FF0000'))).toBe('bad-address');
  });
});

describe('setCells', () => {
  it('reuses one new style for identical requests and keeps the cell’s own look', async () => {
    const original = await ledgerFixture();
    const pkg = openPackage(original);
    pkg.setCells('台账', [
      { row: 2, col: 1, value: '甲', style: { fontColor: 'FF0000' } },
      { row: 3, col: 1, value: '乙', style: { fontColor: 'FF0000' } },
    ]);
    const xml = partText(pkg.toBytes(), SHEET);
    expect(styleOf(xml, 'B3')).toBe(styleOf(xml, 'B4'));
    expect(styleOf(xml, 'B3')).not.toBe(styleOf(partText(original, SHEET), 'B3'));
  });

  it('gives dates a date format so they read back as dates', async () => {
    const pkg = openPackage(await ledgerFixture());
    pkg.setCells('台账', [{ row: 40, col: 4, value: { t: 'date', serial: 45000 } }]);
    expect(pkg.readGrid().sheets[0]!.rows[40]![4]).toEqual({ t: 'date', serial: 45000 });
  });

  it('adds internal hyperlinks', async () => {
    const pkg = openPackage(await ledgerFixture());
    pkg.setCells('台账', [{ row: 2, col: 10, value: '查看', link: "'字典'!A1" }]);
    const xml = partText(pkg.toBytes(), SHEET);
    expect(xml).toContain('<hyperlinks><hyperlink ref="K3" location="\'字典\'!A1"/></hyperlinks>');
    // CT_Worksheet order: after dataValidations, before pageMargins.
    expect(xml.indexOf('<hyperlinks>')).toBeGreaterThan(xml.indexOf('</dataValidations>'));
    expect(xml.indexOf('<hyperlinks>')).toBeLessThan(xml.indexOf('<pageMargins'));
  });

  it('refuses to overwrite the first cell of a shared formula', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: 'B1+1', result: 1 };
    ws.getCell('A2').value = { sharedFormula: 'A1', result: 1 };
    const pkg = openPackage(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(codeOf(() => pkg.setCells('S', [{ row: 0, col: 0, value: 5 }]))).toBe('shared-formula');
  });

  it('drops a calculation chain that would list a replaced formula', async () => {
    let bytes = await ledgerFixture();
    bytes = editPart(bytes, '[Content_Types].xml', (x) =>
      x.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'),
    );
    bytes = editPart(bytes, 'xl/_rels/workbook.xml.rels', (x) =>
      x.replace('</Relationships>', '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'),
    );
    const parts = partsOf(bytes);
    parts['xl/calcChain.xml'] = new TextEncoder().encode('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="I3" i="1"/></calcChain>');
    const { zipSync } = await import('fflate');
    const pkg = openPackage(zipSync(parts));
    pkg.setCells('台账', [{ row: 2, col: 8, value: 50 }]);
    const out = partsOf(pkg.toBytes());
    expect(out['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(out['xl/_rels/workbook.xml.rels']!)).not.toContain('calcChain');
    expect(strFromU8(out['[Content_Types].xml']!)).not.toContain('calcChain');
  });

  it('edits a sheet whose elements carry a namespace prefix', async () => {
    const bytes = editPart(await ledgerFixture(), SHEET, () =>
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
    const pkg = openPackage(bytes);
    pkg.setCells('台账', [{ row: 0, col: 1, value: '乙' }, { row: 4, col: 0, value: 5 }]);
    const out = pkg.toBytes();
    expect(readWorkbook(out).sheets[0]!.rows).toEqual([[7, '乙'], [], [], [], [5]]);
    expect(partText(out, SHEET)).toContain('<x:dimension ref="A1:B5"/>');
  });

  it('fills a sheet written as <sheetData/> and rows or cells written without r', async () => {
    const empty = editPart(await ledgerFixture(), SHEET, (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'));
    const a = openPackage(empty);
    a.setCells('台账', [{ row: 1, col: 1, value: '乙' }]);
    expect(a.readGrid().sheets[0]!.rows).toEqual([[], [null, '乙']]);

    const implicit = editPart(await ledgerFixture(), SHEET, (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>'),
    );
    const b = openPackage(implicit);
    b.setCells('台账', [{ row: 0, col: 0, value: '甲' }, { row: 0, col: 3, value: 4 }]);
    expect(b.readGrid().sheets[0]!.rows).toEqual([['甲', 2, null, 4], [3]]);
  });

  it('refuses an unknown sheet', async () => {
    const pkg = openPackage(await ledgerFixture());
    expect(codeOf(() => pkg.setCells('没有', [{ row: 0, col: 0, value: 1 }]))).toBe('sheet-missing');
  });
});

describe('addSheet and removeSheet', () => {
  it('never overwrites a sheet of the user, and replaces its own, also in a later run', async () => {
    const pkg = openPackage(await ledgerFixture());
    expect(codeOf(() => pkg.addSheet({ name: '字典', cells: [] }))).toBe('sheet-exists');
    pkg.addSheet({ name: '结果', cells: [{ row: 0, col: 0, value: '第一次' }] });
    const again = openPackage(pkg.toBytes());
    again.addSheet({ name: '结果', cells: [{ row: 0, col: 0, value: '第二次' }], state: 'hidden' });
    const grid = again.readGrid();
    expect(grid.sheets.map((s) => s.name)).toEqual(['台账', '字典', '元数据', '结果']);
    expect(grid.sheets[3]).toMatchObject({ rows: [['第二次']], hidden: true });
  });

  it('checks sheet names', async () => {
    const pkg = openPackage(await ledgerFixture());
    for (const name of ['', 'a/b', 'x'.repeat(32), "'引号'"]) expect(codeOf(() => pkg.addSheet({ name, cells: [] }))).toBe('bad-sheet-name');
  });

  it('writes print titles as a name scoped to the new sheet', async () => {
    const pkg = openPackage(await ledgerFixture());
    pkg.addSheet({ name: '打印', cells: [], print: { orientation: 'portrait', titleRows: { from: 0, to: 1 } } });
    const wb = partText(pkg.toBytes(), 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">'打印'!$1:$2</definedName>`);
  });

  it('removes a sheet with its part, relationship and content type, and renumbers scoped names', async () => {
    const original = await ledgerFixture();
    const pkg = openPackage(original);
    pkg.addSheet({ name: '甲', cells: [] });
    pkg.addSheet({ name: '乙', cells: [], print: { orientation: 'portrait', titleRows: { from: 0, to: 0 } } });
    pkg.removeSheet('甲');
    const out = pkg.toBytes();
    const wb = partText(out, 'xl/workbook.xml');
    expect(wb).not.toContain('name="甲"');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">'乙'!$1:$1</definedName>`);
    expect(wb).toContain(`<definedName name="_baoxue_added" localSheetId="3" hidden="1">TRUE</definedName>`);
    expect(partText(out, '[Content_Types].xml')).not.toContain('sheet4.xml');
    expect(partsOf(out)['xl/worksheets/sheet4.xml']).toBeUndefined();
    expect(readWorkbook(out).sheets.map((s) => s.name)).toEqual(['台账', '字典', '元数据', '乙']);
  });

  it('refuses to remove the last visible sheet or an unknown one', async () => {
    const pkg = openPackage(await ledgerFixture());
    expect(codeOf(() => pkg.removeSheet('没有'))).toBe('sheet-missing');
    expect(codeOf(() => pkg.removeSheet('台账'))).toBe('last-visible-sheet');
    pkg.removeSheet('字典');
    expect(pkg.readGrid().sheets.map((s) => s.name)).toEqual(['台账', '元数据']);
  });
});
