import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkbookFile } from '../../src/io/readFile';
import { readWorkbook } from '../../src/io/xlsx';
import { checkWorkbook } from '../../src/core/check';
import type { CellValue } from '../../src/core/model/cell';
import { codeOf } from '../helpers/xlsxError';
import { handWorkbook, sheetXml, stylesXml, utf16 } from './xmlWorkbook';

const rowsOf = (xml: string | Uint8Array, extra: Partial<Parameters<typeof handWorkbook>[0]> = {}): CellValue[][] =>
  readWorkbook(handWorkbook({ sheets: [{ name: 'S', xml }], ...extra })).sheets[0]!.rows;

const numberRows = (n: number, between: (i: number) => string = () => ''): string =>
  Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c></row>${between(i)}`).join('');

describe('XML the fast scanner does not follow is read conformantly: no row is lost', () => {
  it.each([
    ['a processing instruction', '<?mso-application progid="Excel.Sheet"?>'],
    ['a CDATA section', '<![CDATA[ ignored text between rows ]]>'],
    ['a comment', '<!-- <row r="99"><c r="A99"><v>99</v></c></row> -->'],
  ])('%s between rows keeps all 150 rows', (_, junk) => {
    const rows = rowsOf(sheetXml(numberRows(150, (i) => (i === 1 ? junk : ''))));
    expect(rows).toHaveLength(150);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
  });

  it('reads the real <sheetData>, not a commented-out one before it', () => {
    const xml = sheetXml(numberRows(3)).replace('<sheetData>', '<!-- <sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData> --><sheetData>');
    expect(rowsOf(xml).map((r) => r[0])).toEqual([1, 2, 3]);
  });

  it('end tags with spaces (</c >) do not swallow the next cell', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v ></c ><c r="B1"><v>2</v></c></row >');
    expect(rowsOf(xml)).toEqual([[1, 2]]);
  });

  it('CDATA in a cell is its text, CR LF is LF, a written &#13; stays', () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="B1" t="str"><v>x\r\ny</v></c><c r="C1" t="str"><v>p&#13;&#10;q</v></c></row>');
    expect(rowsOf(xml)).toEqual([['a<b', 'x\ny', 'p\r\nq']]);
  });

  it('CR LF in shared strings (plain and rich) becomes LF', () => {
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>学生\r\n姓名</t></si><si><r><t>a\r\n</t></r><r><t>b</t></r></si></sst>';
    expect(rowsOf(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'), { sst })).toEqual([['学生\n姓名', 'a\nb']]);
  });

  it('follows namespace prefixes, also a child prefix other than the root one', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefixed = `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const mixed = `<worksheet xmlns="${ns}" xmlns:y="${ns}"><sheetData><y:row r="1"><y:c r="A1"><y:v>6</y:v></y:c></y:row></sheetData></worksheet>`;
    expect(rowsOf(prefixed)).toEqual([[5]]);
    expect(rowsOf(mixed)).toEqual([[6]]);
  });

  it.each([
    ['UTF-16BE with BOM', true, true],
    ['UTF-16BE without BOM', true, false],
    ['UTF-16LE without BOM', false, false],
  ])('reads a sheet part in %s', (_, be, bom) => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>中文</t></is></c><c r="B1"><v>1</v></c></row>').replace('UTF-8', 'UTF-16');
    expect(rowsOf(utf16(xml, be, bom))).toEqual([['中文', 1]]);
  });

  it('a UTF-8 BOM on the shared strings is not text', () => {
    const sst = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲</t></si></sst>')]);
    expect(rowsOf(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sst })).toEqual([['甲']]);
  });
});

describe('truncated or malformed parts are a clear error, never a loop or fewer rows', () => {
  const full = sheetXml(numberRows(200));
  it.each([
    ['right after <v>3</', full.slice(0, full.indexOf('<v>3</') + 6)],
    ['inside a tag', full.slice(0, full.indexOf('<c r="A100"') + 5)],
    ['before </sheetData>', full.slice(0, full.indexOf('</sheetData>'))],
    ['without </worksheet>', full.slice(0, full.indexOf('</worksheet>'))],
    ['with a mismatched end tag', full.replace('</row>', '</rows>')],
  ])('a sheet cut %s', (_, xml) => {
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml }] });
    expect(codeOf(() => readWorkbook(bytes))).toBe('part-broken');
  });

  it('a truncated shared string table is an error, not fewer strings', () => {
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><t>b</t>';
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], sst });
    expect(codeOf(() => readWorkbook(bytes))).toBe('part-broken');
  });

  it('a listed sheet whose part is missing is an error; a workbook with no worksheet too', () => {
    const missing = handWorkbook({ sheets: [{ name: 'S', xml: '', target: 'worksheets/gone.xml' }] });
    expect(codeOf(() => readWorkbook(missing))).toBe('sheet-part-missing');
    const chartOnly = handWorkbook({
      sheets: [{ name: 'S', xml: sheetXml('') }],
      relsXml: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    });
    expect(codeOf(() => readWorkbook(chartOnly))).toBe('no-worksheets');
    const none = handWorkbook({ sheets: [], workbookXml: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' });
    expect(codeOf(() => readWorkbook(none))).toBe('no-worksheets');
  });
});

describe('bounded work for any input', () => {
  it('a format-only row far down is not materialised (Excel writes <row r="1048576"> for a comment)', () => {
    const rows = rowsOf(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" ht="20" customHeight="1"><c r="XFD1048576" s="1"/></row>'));
    expect(rows).toEqual([[1]]);
  });

  it('values far below the rest are not padded into a million rows, and the check says so', () => {
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('<row r="2"><c r="A2"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" t="b"><v>0</v></c></row>') }] });
    const grid = readWorkbook(bytes);
    expect(grid.sheets[0]!.rows).toEqual([[], [1]]);
    expect(grid.sheets[0]!.distantCells).toEqual({ first: 'XFD1048576', count: 1 });
    const found = checkWorkbook(grid).findings.filter((f) => f.rule === 'file.distant-cells');
    expect(found).toMatchObject([{ sheet: 'S', cell: 'XFD1048576', severity: 'warning', message: expect.stringMatching(/1 个单元格有内容/) }]);
  });

  it('hundreds of sheets pointing at one part read it once, within the cell budget', () => {
    const sheets = Array.from({ length: 300 }, (_, i) => ({ name: `S${i}`, xml: '', target: 'worksheets/one.xml' }));
    const bytes = handWorkbook({ sheets: [{ name: 'real', xml: sheetXml(numberRows(1000)) }, ...sheets.map((s) => ({ ...s, target: 'worksheets/sheet1.xml' }))] });
    const grid = readWorkbook(bytes, { maxCells: 1500 });
    expect(grid.sheets).toHaveLength(301);
    expect(grid.sheets[300]!.rows).toHaveLength(1000);
  });

  it('workbook-wide caps on cells, rows and shared strings say so in Chinese', () => {
    const wide = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>') }] });
    expect(codeOf(() => readWorkbook(wide, { maxCells: 10_000 }))).toBe('too-large');
    const two = handWorkbook({ sheets: [{ name: 'A', xml: sheetXml(numberRows(600)) }, { name: 'B', xml: sheetXml(numberRows(600)) }] });
    expect(codeOf(() => readWorkbook(two, { maxRows: 1000 }))).toBe('too-large');
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si/>'.repeat(5000)}</sst>`;
    const many = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('') }], sst });
    expect(codeOf(() => readWorkbook(many, { maxSharedStrings: 1000 }))).toBe('too-many-strings');
    expect(() => readWorkbook(many, { maxSharedStrings: 1000 })).toThrow(/文字条目过多/);
  });

  // Both took minutes before (regexes worse than linear); jest's timeout is the failure here.
  it('a 300k-character attribute run and 150k unclosed <rPh> are read (or refused) in linear time', () => {
    const attrs = 'a'.repeat(300_000);
    const sheet = sheetXml(`<row r="1"><c r="A1" ${attrs}><v>1</v></c></row>`, `<mergeCells><mergeCell ${attrs}/></mergeCells>`);
    expect(['ok', 'part-broken']).toContain(codeOf(() => readWorkbook(handWorkbook({ sheets: [{ name: 'S', xml: sheet }] }))));
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t>${'<rPh sb="0">'.repeat(150_000)}</si></sst>`;
    expect(codeOf(() => readWorkbook(handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('') }], sst })))).toBe('part-broken');
    const amps = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml(`<row r="1"><c r="A1" t="str"><v>${'&'.repeat(1)}amp;${'&amp;x'.repeat(100_000)}</v></c></row>`) }] });
    expect(readWorkbook(amps).sheets[0]!.rows[0]![0]).toHaveLength(1 + 200_000);
  });

  it('zip part names written with backslashes are found', () => {
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });
    const renamed = bytes.slice();
    // Same length, so the zip stays valid: xl/worksheets/sheet1.xml → xl\worksheets\sheet1.xml in both headers.
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    for (let i = 0; i + name.length <= renamed.length; i++) {
      if (name.every((b, k) => renamed[i + k] === b)) for (let k = 0; k < name.length; k++) if (name[k] === 0x2f) renamed[i + k] = 0x5c;
    }
    expect(readWorkbook(renamed).sheets[0]!.rows).toEqual([[1]]);
  });
});

describe('only regular files are opened, and their size is checked first', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baoxue-read-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO, a link to /dev/zero and a folder in Chinese, without blocking', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', zero);
    for (const f of [fifo, zero, dir]) {
      await expect(readWorkbookFile(f)).rejects.toMatchObject({ code: 'not-regular-file', message: expect.stringMatching(/不是一个普通文件/) });
    }
  });

  it('refuses a 1.5 GB file (sparse: nothing is read) and one over 2 GiB by size, in Chinese', async () => {
    for (const size of [1.5 * 1024 ** 3, 2.5 * 1024 ** 3]) {
      const big = path.join(dir, `big${size}.xlsx`);
      writeFileSync(big, 'PK');
      truncateSync(big, size);
      await expect(readWorkbookFile(big)).rejects.toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/文件太大/) });
      rmSync(big);
    }
  });
});

describe('dates as the corpus shows them', () => {
  const cell = (attrs: string, v: string) => `<row r="1"><c r="A1" ${attrs}><v>${v}</v></c></row>`;
  const serialOf = (attrs: string, v: string, extra = {}) => {
    const got = rowsOf(sheetXml(cell(attrs, v)), extra)[0]![0] as { t: string; serial: number };
    expect(got.t).toBe('date');
    return got.serial;
  };

  it.each([
    ['time only', '13:30:00', 0.5625],
    ['time with fraction', '00:00:01.5', 1.5 / 86400],
    ['ISO duration', 'PT36H30M', 1.5 + 0.5 / 24],
    ['date-time with long fraction', '2024-01-02T03:04:05.123456', 45293 + (3 * 3600 + 4 * 60 + 5.123456) / 86400],
    ['Excel Strict serial 1 (written 1899-12-31)', '1899-12-31T00:00:00', 1],
    ['1900-02-28 (Strict, before the phantom leap day)', '1900-02-28', 60],
    ['1900-03-01', '1900-03-01', 61],
  ])('t="d" %s', (_, v, serial) => {
    expect(serialOf('t="d"', v)).toBeCloseTo(serial, 9);
  });

  it('elapsed formats ([h]:mm, [mm]:ss) are dates, and 1904 workbooks do not shift durations', () => {
    const styles = stylesXml([0, '[h]:mm:ss', '[mm]:ss', 'yyyy-mm-dd']);
    expect(serialOf('s="1"', '1.25', { styles })).toBe(1.25);
    expect(serialOf('s="2"', '0.01', { styles })).toBe(0.01);
    expect(serialOf('s="1"', '1.25', { styles, date1904: true })).toBe(1.25);
    expect(serialOf('s="3"', '100', { styles, date1904: true })).toBe(100 + 1462);
  });
});
