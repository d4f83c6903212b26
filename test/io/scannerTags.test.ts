import fc from 'fast-check';
import { readWorkbook } from '../../src/io/xlsx';
import { GridBuilder, newBudget } from '../../src/io/xlsx/read/grid';
import { readSharedStringsXml, scanSharedStrings } from '../../src/io/xlsx/read/sharedStrings';
import { scanSheet } from '../../src/io/xlsx/read/sheetScanner';
import { Unsupported } from '../../src/io/xlsx/read/unsupported';
import { handWorkbook, sheetXml, stylesXml } from '../hardening/xmlWorkbook';

/**
 * The sheet scanner reads the usual spellings of <row> and <c> attributes (r, s, t in that
 * order, double quotes) straight from the bytes, and every other spelling by its general loop
 * or not at all. Whatever the spelling, the workbook must read as the conformant parser reads it.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SST = `<sst xmlns="${MAIN}"><si><t>甲</t></si><si><t>乙</t></si><si><t>丙</t></si></sst>`;
// Style 1 shows numbers as dates, so a misread s= changes the value.
const STYLES = stylesXml([0, 14, 0]);

/** Spellings of a cell's reference: the usual one first, then odd and wrong ones. */
function refSpellings(ref: string): string[] {
  const row = ref.replace(/^[A-Z]+/, '');
  const last = ref.charCodeAt(ref.length - 1);
  return [`r="${ref}"`, `r='${ref}'`, `r = "${ref}"`, `r="${ref.toLowerCase()}"`, `r="${ref.replace(/\d+/, (d) => `0${d}`)}"`, `r="${row}"`, 'r=""', `r="AAAA${row}"`, `r="${ref.slice(0, -1)}&#${last};"`, `r="${ref}5555555"`];
}
const STYLE = fc.constantFrom('s="1"', 's="2"', 's="01"', "s=''", 's="&#49;"', 's="12345678"', 's="x"', "s='1'", 's="0"');
const TYPE = fc.constantFrom('t="s"', 't="n"', 't="str"', 't="inlineStr"', "t='s'", 't="&#115;"', 't="S"', 't="inlinestr"', 't="bogus"', 't="b"', 't="e"', 't="d"', 't="strx"');
const EXTRA = fc.constantFrom('cm="1"', 'x14ac:dyDescent="0.25"', 'note="a>b"', `q="it's"`, "q='say \"x\"'");
const GAP = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', ' \r\n ');

interface Part {
  on: boolean;
  text: string;
}
const part = (arb: fc.Arbitrary<string>, often = true): fc.Arbitrary<Part> => fc.record({ on: often ? fc.boolean() : fc.nat({ max: 3 }).map((n) => n === 0), text: arb });

function tag(name: string, parts: Part[], gaps: string[], order: number[], close: string): string {
  const on = order.map((i) => parts[i]!).filter((p) => p.on);
  return `<${name}${on.map((p, i) => gaps[i % gaps.length]! + p.text).join('')}${close}`;
}

const CELL = fc.record({
  r: part(fc.constant('')),
  refStyle: fc.nat({ max: 13 }),
  s: part(STYLE),
  t: part(TYPE),
  extra: part(EXTRA, false),
  order: fc.constantFrom<number[]>([0, 1, 2, 3], [0, 1, 2, 3], [0, 2, 1, 3], [2, 0, 1, 3], [3, 0, 1, 2], [1, 0, 2, 3]),
  gaps: fc.array(GAP, { minLength: 1, maxLength: 4 }),
  body: fc.constantFrom('<v>1</v>', '<v>2</v>', '<v>45000</v>', '<is><t>文字</t></is>', '<v>TRUE</v>', '', '<v>2026-11-01</v>', '<v></v>', '<v> 1 </v>', '<f>A1</f><v>3</v>', '<f>A1</f>', '<v>1</v> ', '<is><t>x</t></is> ', '<v/>', '<is><r><t>a</t></r></is>'),
});

const ROW = fc.record({
  hidden: fc.constantFrom('', ' hidden="1"', ' hidden="true"', ' hidden="false"', ' hidden="0"', " hidden='1'", ' hidden="TRUE"'),
  lo: fc.constantFrom('', ' customFormat="false" ht="14.25" customHeight="false" outlineLevel="0" collapsed="false"', ' spans="1:3"', " ht='15' x14ac:dyDescent=\"0.25\""),
  r: fc.constantFrom('r="{n}"', "r='{n}'", 'r = "{n}"', 'r="0{n}"', 'r=""', ''),
  cells: fc.array(CELL, { maxLength: 4 }),
});

type Row = typeof ROW extends fc.Arbitrary<infer R> ? R : never;

function sheetOf(rows: Row[]): string {
  let xml = '';
  rows.forEach((row, ri) => {
    const n = ri + 1;
    const rowRef = row.r.replace('{n}', String(n));
    xml += `<row${rowRef ? ' ' + rowRef : ''}${row.lo}${row.hidden}>`;
    row.cells.forEach((c, ci) => {
      const ref = String.fromCharCode(65 + ci) + n;
      const r = { on: c.r.on, text: refSpellings(ref)[Math.max(0, c.refStyle - 4)]! };
      xml += tag('c', [r, c.s, c.t, { on: c.extra.on, text: c.extra.text }], c.gaps, c.order, c.body ? '>' : '/>') + (c.body ? c.body + '</c>' : '');
    });
    xml += '</row>';
  });
  return sheetXml(xml);
}

function outcome(bytes: Uint8Array, conformantOnly: boolean): unknown {
  try {
    return readWorkbook(bytes, { conformantOnly });
  } catch (e) {
    return { threw: (e as { code?: string }).code ?? String(e) };
  }
}

test('any spelling of row and cell attributes reads as the conformant parser reads it', () => {
  fc.assert(
    fc.property(fc.array(ROW, { minLength: 1, maxLength: 5 }), (rows) => {
      const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheetOf(rows) }], sst: SST, styles: STYLES });
      expect(outcome(bytes, false)).toEqual(outcome(bytes, true));
    }),
    { numRuns: 1500 },
  );
});

test('the usual spellings are read by the scanner itself, not handed to the conformant parser', () => {
  const xml = sheetXml(
    '<row r="1" customFormat="false" ht="14.25" hidden="true" customHeight="false"><c r="A1" s="1" t="n"><v>45000</v></c><c r="B1" s="0" t="s"><v>2</v></c>' +
      '<c r="C1" t="inlineStr"><is><t>&#36797;&#23425;</t></is></c><c r="XFD1" s="2"><v>7</v></c></row><row r="3" spans="1:2"><c r="B3" t="str"><v>x</v></c><c s="1"/></row>',
  );
  const b = new TextEncoder().encode(xml);
  const grid = new GridBuilder('S', newBudget(1e7, 1e7));
  scanSheet(b, '', grid, { sharedStrings: ['甲', '乙', '丙'], dateXfs: [false, true, false], elapsedXfs: [], date1904: false });
  expect(grid.rows[0]!.slice(0, 3)).toEqual([{ t: 'date', serial: 45000 }, '丙', '辽宁']);
  expect(grid.rows[0]![16383]).toBe(7);
  expect(grid.rows[2]).toEqual([null, 'x']);
  expect(grid.hiddenRows).toEqual([0]);
});

test('shared string items in any spelling read as the conformant parser reads them', () => {
  const body = fc.constantFrom('甲', '', 'a&amp;b', '&#20013;&#x6587;', '_x000D_x', '<![CDATA[<x>]]>', ' 两 ', 'é\r\nz');
  const item = fc.tuple(
    fc.constantFrom('<t>{}</t>', '<t xml:space="preserve">{}</t>', "<t xml:space='preserve'>{}</t>", '<t >{}</t>', '<t>{}</t >', '<t/>', '<r><t>{}</t></r><r><t>!</t></r>', '<t>{}</t><rPh sb="0" eb="1"><t>ふ</t></rPh>', '<t>{}</t><!-- c -->'),
    body,
  );
  fc.assert(
    fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
      const xml = `<sst xmlns="${MAIN}">${items.map(([shape, text]) => `<si>${shape.replace('{}', text)}</si>`).join('')}</sst>`;
      const b = new TextEncoder().encode(xml);
      let fast: string[] | 'refused';
      try {
        fast = scanSharedStrings(b, '', 1e6);
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        fast = 'refused';
      }
      if (fast !== 'refused') expect(fast).toEqual(readSharedStringsXml(xml, 'sst', 1e6));
      // The usual spellings must not be refused.
      if (items.every(([shape, text]) => shape.startsWith('<t') && !shape.includes('<!') && !shape.includes('</t >') && !text.includes('CDATA'))) expect(fast).not.toBe('refused');
    }),
    { numRuns: 1000 },
  );
});

test('plain shared string items count against the ceiling like any other', () => {
  const xml = `<sst xmlns="${MAIN}">${'<si><t>甲</t></si>'.repeat(5)}</sst>`;
  const b = new TextEncoder().encode(xml);
  expect(scanSharedStrings(b, '', 5)).toHaveLength(5);
  expect(() => scanSharedStrings(b, '', 4)).toThrow(expect.objectContaining({ code: 'too-many-strings' }));
});

test('a sheet part cut anywhere reads as the conformant parser reads it (both refuse it)', () => {
  const rows =
    '<row r="1" ht="14.25" hidden="false"><c r="A1" s="1" t="n"><v>45000</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="inlineStr"><is><t>&#36797;&#23425;省</t></is></c></row>' +
    '<row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">辽 宁</t></is></c></row>';
  const xml = new TextEncoder().encode(sheetXml(rows));
  const whole = new TextDecoder().decode(xml);
  const start = whole.indexOf('<sheetData>');
  for (let cut = start; cut < xml.length; cut++) {
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml: xml.subarray(0, cut) }], sst: SST, styles: STYLES });
    expect(outcome(bytes, false)).toEqual(outcome(bytes, true));
  }
});

test('a shared string part cut anywhere reads as the conformant parser reads it', () => {
  const sst = new TextEncoder().encode(`<sst xmlns="${MAIN}"><si><t>甲</t></si><si><t xml:space="preserve">乙 &amp; 丙</t></si><si><r><t>G.</t></r><r><t>失联</t></r></si><si><t>_x000D_</t></si></sst>`);
  const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>');
  for (let cut = 0; cut <= sst.length; cut++) {
    const bytes = handWorkbook({ sheets: [{ name: 'S', xml: sheet }], sst: sst.subarray(0, cut) });
    expect(outcome(bytes, false)).toEqual(outcome(bytes, true));
  }
});
