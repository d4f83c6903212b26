import fs from 'node:fs';
import path from 'node:path';
import { isoToSerial } from '../../src/core/model/cell';
import { createWorkbook, readWorkbook } from '../../src/io/xlsx';
import { isDateFormatCode } from '../../src/io/xlsx/numFmt';
import { date1904Fixture, editPart, ledgerFixture, WHOLE_COLUMNS } from './fixtures';

const X14_SAMPLE = path.join(__dirname, '../../../shared/samples/wafangdian_x14.xlsx');

describe('readWorkbook on an exceljs-made ledger', () => {
  let grid: ReturnType<typeof readWorkbook>;
  beforeAll(async () => {
    grid = readWorkbook(await ledgerFixture());
  });
  const sheet = (name: string) => grid.sheets.find((s) => s.name === name)!;

  it('reads values: shared strings, rich text joined, numbers, dates, errors, cached formulas', () => {
    const rows = sheet('台账').rows;
    expect(rows[0]![0]).toBe('测试县疑似失学儿童台账');
    expect(rows[2]!.slice(0, 4)).toEqual([1, '张三', '男', '110101201001011234']);
    expect(rows[2]![4]).toEqual({ t: 'date', serial: isoToSerial('2010-01-01') });
    expect(rows[2]![6]).toBe('富文本');
    expect(rows[2]![7]).toBe(12.5);
    expect(rows[2]![8]).toBe(25);
    expect(rows[3]![6]).toEqual({ t: 'error', code: '#N/A' });
  });

  it('gives a formula without cached value as null and lists its address', () => {
    expect(sheet('台账').rows[3]![8] ?? null).toBeNull();
    expect(sheet('台账').uncachedFormulas).toEqual(['I4']);
  });

  it('reports merges, hidden rows and hidden sheets', () => {
    expect(sheet('台账').merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 9 }]);
    expect(sheet('台账').hiddenRows).toEqual([4]);
    expect(sheet('台账').hidden).toBeUndefined();
    expect(sheet('字典').hidden).toBe(true);
    expect(sheet('元数据').hidden).toBe(true);
    expect(sheet('字典').rows.map((r) => r[0])).toEqual(['A.户籍原因', 'B.在校有学籍', 'C.省内就读', 'D.省外就读', 'E.延缓入学']);
  });

  it('keeps validations as ranges, classic and x14', () => {
    const v = sheet('台账').validations!;
    for (const c of WHOLE_COLUMNS) {
      expect(v).toContainEqual({ sqref: `${c}1:${c}1048576`, type: 'textLength', listItems: null, formula1: '500', x14: false });
    }
    expect(v).toContainEqual({ sqref: 'C3:C100', type: 'list', listItems: ['男', '女'], formula1: '"男,女"', x14: false });
    expect(v).toContainEqual({ sqref: 'J3:J100', type: 'list', listItems: null, formula1: '字典!$A$1:$A$5', x14: true });
    expect(v).toHaveLength(11);
  });

  it('reads workbook-level defined names', () => {
    expect(grid.definedNames).toEqual({ 核查结果: "'字典'!$A$1:$A$5" });
  });

  it('reads only the sheets asked for', async () => {
    const only = readWorkbook(await ledgerFixture(), { sheets: ['字典'] });
    expect(only.sheets.map((s) => s.name)).toEqual(['字典']);
  });
});

describe('readWorkbook details', () => {
  it('converts 1904-system dates to 1900 serials', async () => {
    const grid = readWorkbook(await date1904Fixture());
    expect(grid.sheets[0]!.rows[0]).toEqual([{ t: 'date', serial: isoToSerial('2021-03-05') }, 5]);
  });

  it('reads inline strings, booleans and text with escapes written by createWorkbook', () => {
    const bytes = createWorkbook({
      sheets: [
        {
          name: 'S',
          cells: [
            { row: 0, col: 0, value: ' a & <b> "c" ' },
            { row: 0, col: 2, value: true },
            { row: 1, col: 1, value: '第一行\n第二行' },
            { row: 2, col: 0, value: 'x_x000D_y\u0001' },
            { row: 3, col: 0, value: { t: 'date', serial: 45000.5 } },
          ],
        },
      ],
    });
    expect(readWorkbook(bytes).sheets[0]!.rows).toEqual([
      [' a & <b> "c" ', null, true],
      [null, '第一行\n第二行'],
      ['x_x000D_y\u0001'],
      [{ t: 'date', serial: 45000.5 }],
    ]);
  });

  it('reads rich inline strings without phonetic runs, t="str" results and t="d" dates', async () => {
    const bytes = editPart(await date1904Fixture(), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 乙</t></r><rPh sb="0" eb="1"><t>jia</t></rPh></is></c>' +
          '<c r="C2" t="str"><f>A1&amp;""</f><v>文字</v></c><c r="D2" t="d"><v>2021-03-05T00:00:00</v></c><c r="E2" t="b"><v>0</v></c></row></sheetData>',
      ),
    );
    const rows = readWorkbook(bytes).sheets[0]!.rows;
    expect(rows[0]).toEqual([]);
    expect(rows[1]).toEqual([null, '甲 乙', '文字', { t: 'date', serial: isoToSerial('2021-03-05') }, false]);
  });

  it('reads sheets whose elements carry a namespace prefix', async () => {
    const bytes = editPart(await date1904Fixture(), 'xl/worksheets/sheet1.xml', () =>
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        '<x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>七</x:t></x:is></x:c></x:row>' +
        '</x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>',
    );
    const sheet = readWorkbook(bytes).sheets[0]!;
    expect(sheet.rows).toEqual([[7, '七']]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });

  it('reads the real x14 sample: cross-sheet list from the hidden 字典 sheet', () => {
    const grid = readWorkbook(new Uint8Array(fs.readFileSync(X14_SAMPLE)));
    expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([['附件4', false], ['附件5', false], ['字典', true]]);
    const v = grid.sheets[0]!.validations!;
    expect(v).toContainEqual({ sqref: 'I3:I154', type: 'list', listItems: null, formula1: '字典!$A$1:$A$13', x14: true });
    expect(v).toContainEqual({ sqref: 'J3:J152', type: 'list', listItems: ['是', '否', '无'], formula1: '"是,否,无"', x14: false });
    expect(grid.sheets[0]!.rows[2]![0]).toBe(1);
    expect(grid.sheets[1]!.merges).toHaveLength(7);
  });
});

describe('date formats', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['h:mm AM/PM', true],
    ['0.00', false],
    ['#,##0 "元/天"', false],
    ['[Red]0.0', false],
    ['@', false],
    ['General', false],
    ['0_);[Red](0)', false],
  ])('%s is a date format: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });
});
