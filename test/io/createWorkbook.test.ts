import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWorkbook, readWorkbook, XlsxError, type WorkbookSpec } from '../../src/io/xlsx';
import { SHEET_ORDER } from '../../src/io/xlsx/package/sheetEdit';
import { partsOf, partText } from './fixtures';
import { itWithOpenpyxl, openpyxlJson } from './python';
import { convertWithLibreOffice } from '../helpers/libreOffice';

const ADDIN_ID = '05c2e1c9-3e1d-406e-9a91-e9ac64854143';

const SPEC: WorkbookSpec = {
  sheets: [
    {
      name: '台账',
      cells: [
        { row: 0, col: 0, value: '测试县台账', style: { bold: true, fontSize: 16, hAlign: 'center', vAlign: 'center' } },
        { row: 1, col: 0, value: '序号', style: { bold: true, border: true, fill: 'DDEEFF', wrap: true } },
        { row: 1, col: 1, value: '身份证号', style: { bold: true, border: true } },
        { row: 1, col: 2, value: '出生日期', style: { bold: true, border: true } },
        { row: 2, col: 0, value: 1 },
        { row: 2, col: 1, value: '110101201001011234' },
        { row: 2, col: 2, value: { t: 'date', serial: 40179 }, style: { numFmt: 'yyyy"年"m"月"d"日"' } },
        { row: 3, col: 0, value: '见说明', link: "'说明'!A1", style: { fontColor: '0000FF' } },
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
      columnWidths: [6, 22, 16],
      columnStyles: [{ col: 1, style: { numFmt: '@' } }],
      rowHeights: { 0: 30 },
      validations: [
        { sqref: 'D3:D100', list: ['是', '否'], prompt: { title: '提示', message: '请从下拉列表选择' }, error: { title: '输入有误', message: '只能选“是”或“否”' } },
        { sqref: 'E3:E100 F3:F100', list: { formula: '字典!$A$1:$A$3' } },
      ],
      freeze: { row: 2, col: 1 },
      print: { orientation: 'landscape', fitToWidth: true, titleRows: { from: 0, to: 1 }, rowBreaks: [30, 60] },
    },
    { name: '字典', cells: ['A.户籍原因', 'B.在校有学籍', 'C.其他'].map((value, row) => ({ row, col: 0, value })), state: 'hidden' },
    { name: '说明', cells: [{ row: 0, col: 0, value: '填表说明' }] },
    { name: 'meta', cells: [{ row: 0, col: 0, value: 'ledger@1' }], state: 'veryHidden' },
  ],
  definedNames: [
    { name: '_baoxue_template', value: '"ledger@1"', hidden: true },
    { name: '核查结果', value: '字典!$A$1:$A$3' },
  ],
  taskpane: { addinId: ADDIN_ID, version: '1.2.0.0', route: { kind: 'sideload' }, autoShow: true },
};

const bytes = createWorkbook(SPEC);

describe('createWorkbook', () => {
  it('reads back with our reader: values, dates, merges, validations, hidden sheets, names', () => {
    const grid = readWorkbook(bytes);
    const [ledger, dict, , meta] = grid.sheets;
    expect(ledger!.rows[2]).toEqual([1, '110101201001011234', { t: 'date', serial: 40179 }]);
    expect(ledger!.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(ledger!.validations).toEqual([
      { sqref: 'D3:D100', type: 'list', listItems: ['是', '否'], formula1: '"是,否"', x14: false },
      { sqref: 'E3:E100 F3:F100', type: 'list', listItems: null, formula1: '字典!$A$1:$A$3', x14: false },
    ]);
    expect([dict!.hidden, meta!.hidden]).toEqual([true, true]);
    expect(grid.definedNames).toEqual({ _baoxue_template: '"ledger@1"', 核查结果: '字典!$A$1:$A$3' });
  });

  it('writes worksheet elements in the order of the OOXML schema', () => {
    const xml = partText(bytes, 'xl/worksheets/sheet1.xml');
    const body = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1, xml.lastIndexOf('</worksheet>'));
    const names: string[] = [];
    for (let depth = 0, m, re = /<(\/?)([\w:]+)[^>]*?(\/?)>/g; (m = re.exec(body)); ) {
      if (m[1]) depth--;
      else {
        if (depth === 0) names.push(m[2]!);
        if (!m[3]) depth++;
      }
    }
    expect(names).toEqual(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'dataValidations', 'hyperlinks', 'pageMargins', 'pageSetup', 'rowBreaks']);
    const ranks = names.map((n) => SHEET_ORDER.indexOf(n));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('carries the task pane parts so Excel opens the add-in with the file', () => {
    const parts = partsOf(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['xl/webextensions/taskpanes.xml', 'xl/webextensions/webextension1.xml', 'xl/webextensions/_rels/taskpanes.xml.rels']),
    );
    const we = partText(bytes, 'xl/webextensions/webextension1.xml');
    expect(we).toContain(`<we:reference id="${ADDIN_ID}" version="1.2.0.0" store="developer" storeType="Registry"/>`);
    expect(we).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(we).toMatch(/<we:webextension [^>]*id="\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-8[0-9A-F]{3}-[0-9A-F]{12}\}"/);
    expect(partText(bytes, '_rels/.rels')).toContain(
      'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"',
    );
    const ct = partText(bytes, '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
    expect(partText(bytes, 'xl/webextensions/_rels/taskpanes.xml.rels')).toContain('Target="webextension1.xml"');
  });

  it('is byte-for-byte reproducible', () => {
    expect(Buffer.compare(Buffer.from(createWorkbook(SPEC)), Buffer.from(bytes))).toBe(0);
  });

  it('refuses specs Excel could not open', () => {
    const code = (spec: WorkbookSpec) => {
      try {
        createWorkbook(spec);
        return 'ok';
      } catch (e) {
        return e instanceof XlsxError ? e.code : String(e);
      }
    };
    expect(code({ sheets: [] })).toBe('no-sheets');
    expect(code({ sheets: [{ name: 'A', cells: [] }, { name: 'a', cells: [] }] })).toBe('sheet-exists');
    expect(code({ sheets: [{ name: 'A:B', cells: [] }] })).toBe('bad-sheet-name');
    expect(code({ sheets: [{ name: 'A', cells: [], validations: [{ sqref: 'A1', list: ['x'.repeat(300)] }] }] })).toBe('list-too-long');
    expect(code({ sheets: [{ name: 'A', cells: [], validations: [{ sqref: 'A1', list: ['甲,乙'] }] }] })).toBe('list-too-long');
    expect(code({ sheets: [{ name: 'A', cells: [{ row: -1, col: 0, value: 1 }] }] })).toBe('bad-address');
  });

  itWithOpenpyxl('opens in openpyxl with its layout, print setup, styles and names', () => {
    const seen = openpyxlJson<Record<string, unknown>>(
      bytes,
      `wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['台账']
a1, a2, b3, c3 = ws['A1'], ws['A2'], ws['B3'], ws['C3']
print(json.dumps({
  'sheets': [[s.title, s.sheet_state] for s in wb.worksheets],
  'freeze': ws.freeze_panes,
  'titles': ws.print_title_rows,
  'paper': ws.page_setup.paperSize, 'orientation': ws.page_setup.orientation,
  'fit': [ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight],
  'breaks': [b.id for b in ws.row_breaks.brk],
  'merges': [str(m) for m in ws.merged_cells.ranges],
  'dv': [[str(d.sqref), d.formula1, d.promptTitle, d.prompt] for d in ws.data_validations.dataValidation],
  'widths': [ws.column_dimensions[c].width for c in 'ABC'],
  'colB': ws.column_dimensions['B'].number_format,
  'height': ws.row_dimensions[1].height,
  'a1': [a1.font.b, a1.font.sz, a1.alignment.horizontal, a1.alignment.vertical],
  'a2': [a2.font.b, a2.alignment.wrap_text, a2.border.left.style, a2.fill.fgColor.rgb],
  'b3': [b3.value, b3.number_format], 'c3': [c3.value.isoformat(), c3.number_format],
  'link': ws['A4'].hyperlink.location,
  'names': sorted([d.name, d.attr_text, bool(d.hidden)] for d in wb.defined_names.definedName),
}))`,
    );
    expect(seen).toEqual({
      sheets: [['台账', 'visible'], ['字典', 'hidden'], ['说明', 'visible'], ['meta', 'veryHidden']],
      freeze: 'B3',
      titles: '$1:$2',
      paper: 9,
      orientation: 'landscape',
      fit: [true, 1, 0],
      breaks: [30, 60],
      merges: ['A1:E1'],
      dv: [
        ['D3:D100', '"是,否"', '提示', '请从下拉列表选择'],
        ['E3:E100 F3:F100', '字典!$A$1:$A$3', null, null],
      ],
      widths: [6, 22, 16],
      colB: '@',
      height: 30,
      a1: [true, 16, 'center', 'center'],
      a2: [true, true, 'thin', 'FFDDEEFF'],
      b3: ['110101201001011234', '@'],
      c3: ['2010-01-01T00:00:00', 'yyyy"年"m"月"d"日"'],
      link: "'说明'!A1",
      names: [['_baoxue_template', '"ledger@1"', true], ['核查结果', '字典!$A$1:$A$3', false]],
    });
  });

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => fs.existsSync(p));
  (soffice ? it : it.skip)(`converts in LibreOffice${soffice ? '' : ' — skipped: soffice is not installed'}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'book.xlsx'), bytes);
      const run = convertWithLibreOffice('csv:Text - txt - csv (StarCalc):44,34,76,1', dir, [path.join(dir, 'book.xlsx')], 120_000);
      expect([run.status, run.stderr]).toEqual([0, '']);
      const rows = fs.readFileSync(path.join(dir, 'book.csv'), 'utf8').split(/\r?\n/).map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')));
      expect(rows[0]![0]).toBe('测试县台账');
      expect(rows[2]!.slice(0, 3)).toEqual(['1', '110101201001011234', '2010年1月1日']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
