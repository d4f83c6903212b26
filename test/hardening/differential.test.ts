import fc from 'fast-check';
import type { CellValue } from '../../src/core/model/cell';
import { readWorkbook } from '../../src/io/xlsx';
import type { ValueContext } from '../../src/io/xlsx/read/cellValue';
import { readSheetXml } from '../../src/io/xlsx/read/conformantSheet';
import { xmlText, xmlUtf8 } from '../../src/io/xlsx/read/encoding';
import { GridBuilder, newBudget } from '../../src/io/xlsx/read/grid';
import { rootPrefix } from '../../src/io/xlsx/read/prefix';
import { readSharedStringsXml, scanSharedStrings } from '../../src/io/xlsx/read/sharedStrings';
import { scanSheet } from '../../src/io/xlsx/read/sheetScanner';
import { Unsupported } from '../../src/io/xlsx/read/unsupported';
import { handWorkbook, utf16 } from './xmlWorkbook';

/**
 * Differential test of the fast scanners against saxes: random sheets, shared strings, workbook
 * and relationship parts, each written in one of the many ways XML allows (prefixes, comments,
 * processing instructions, CDATA, character references, quotes, spacing in tags, CR LF, UTF-8 or
 * UTF-16 either way round, with or without BOM). For each part the scanner either refuses
 * (Unsupported) or gives exactly saxes' grid; the whole workbook reads as the model says.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

type Cell =
  | { k: 'n'; v: number }
  | { k: 's'; v: number }
  | { k: 'str'; v: string }
  | { k: 'inline'; v: string }
  | { k: 'b'; v: boolean }
  | { k: 'e'; v: string }
  | { k: 'empty' }
  | { k: 'uncached' };

interface Style {
  prefix: string;
  quote: string;
  /** 0 plain … higher: more of XML's freedoms, which the scanner may refuse. */
  junk: number;
  charRefs: boolean;
  cdata: boolean;
  spacedEnds: boolean;
  crlf: boolean;
  explicitRefs: boolean;
  encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'utf16lebom' | 'utf16bebom';
}

const TEXT = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '中', '文', '&', '<', '>', '"', "'", '\n', '\t', '_', '𠀀', ']'), maxLength: 12 });
const CELL: fc.Arbitrary<Cell> = fc.oneof(
  fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })).map((v) => ({ k: 'n' as const, v: Object.is(v, -0) ? 0 : v })),
  fc.nat({ max: 7 }).map((v) => ({ k: 's' as const, v })),
  TEXT.map((v) => ({ k: 'str' as const, v })),
  TEXT.map((v) => ({ k: 'inline' as const, v })),
  fc.boolean().map((v) => ({ k: 'b' as const, v })),
  fc.constantFrom('#N/A', '#DIV/0!', '#REF!').map((v) => ({ k: 'e' as const, v })),
  fc.constant({ k: 'empty' as const }),
  fc.constant({ k: 'uncached' as const }),
);
/** Rows as (gap before, cells as (gap before, cell)). */
const ROWS = fc.array(fc.tuple(fc.nat({ max: 3 }), fc.array(fc.tuple(fc.nat({ max: 2 }), CELL), { maxLength: 6 })), { maxLength: 8 });
const SST = fc.array(fc.tuple(TEXT, fc.boolean(), fc.boolean()), { minLength: 8, maxLength: 8 });
const STYLE: fc.Arbitrary<Style> = fc.record({
  prefix: fc.constantFrom('', 'x:'),
  quote: fc.constantFrom('"', "'"),
  junk: fc.nat({ max: 3 }),
  charRefs: fc.boolean(),
  cdata: fc.boolean(),
  spacedEnds: fc.boolean(),
  crlf: fc.boolean(),
  explicitRefs: fc.boolean(),
  encoding: fc.constantFrom('utf8', 'utf8', 'utf8bom', 'utf16le', 'utf16be', 'utf16lebom', 'utf16bebom'),
});
/** A plain style: what producers write; the scanner must take it (else the property proves nothing). */
const PLAIN: Style = { prefix: '', quote: '"', junk: 0, charRefs: false, cdata: false, spacedEnds: false, crlf: false, explicitRefs: true, encoding: 'utf8' };

function col(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Text content as the style writes it; what it must read back as is the second value. */
function text(s: string, st: Style, pick: number): [string, string] {
  const eol = st.crlf ? s.replace(/\n/g, '\r\n') : s;
  if (st.cdata && pick % 2 === 0 && !s.includes(']]>') && !s.includes('\r')) return [`<![CDATA[${eol}]]>`, s];
  let out = '';
  for (const ch of eol) {
    const code = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += pick % 3 === 0 || out.endsWith(']]') ? '&gt;' : '>';
    else if (st.charRefs && code > 127) out += pick % 2 ? `&#${code};` : `&#x${code.toString(16)};`;
    else out += ch;
  }
  return [out, s];
}

function junkAt(st: Style, i: number): string {
  if (st.junk === 0) return '';
  const options = ['', '\n  ', '<!-- a comment -->', '<?pi data?>'];
  return options[(i * 7 + st.junk) % (st.junk >= 2 ? 4 : 2)]!;
}

function end(name: string, st: Style): string {
  return st.spacedEnds ? `</${st.prefix}${name} >` : `</${st.prefix}${name}>`;
}

function attr(name: string, value: string, st: Style): string {
  return ` ${name}=${st.quote}${value}${st.quote}`;
}

function encode(xml: string, st: Style): Uint8Array {
  const decl = (enc: string) => `<?xml version="1.0" encoding="${enc}" standalone="yes"?>\n`;
  switch (st.encoding) {
    case 'utf8':
      return new TextEncoder().encode(decl('UTF-8') + xml);
    case 'utf8bom':
      return new TextEncoder().encode('\ufeff' + xml);
    default:
      return utf16(decl('UTF-16') + xml, st.encoding.startsWith('utf16be'), st.encoding.endsWith('bom'));
  }
}

interface Built {
  xml: Uint8Array;
  rows: CellValue[][];
  uncached: string[];
}

function buildSheet(rows: [number, [number, Cell][]][], sst: readonly string[], st: Style): Built {
  const p = st.prefix;
  const model: CellValue[][] = [];
  const uncached: string[] = [];
  let body = '';
  let r = -1;
  let pick = 0;
  rows.forEach(([gap, cells], ri) => {
    r += gap + 1;
    const rowRef = st.explicitRefs || ri === 0 || gap > 0 ? attr('r', String(r + 1), st) : '';
    body += junkAt(st, ri) + `<${p}row${rowRef}${attr('spans', '1:5', st)}>`;
    let c = -1;
    cells.forEach(([cgap, cell]) => {
      c += cgap + 1;
      const ref = st.explicitRefs || cgap > 0 ? attr('r', col(c) + String(r + 1), st) : '';
      const put = (v: CellValue) => {
        while (model.length <= r) model.push([]);
        const row = model[r]!;
        while (row.length < c) row.push(null);
        row[c] = v;
      };
      pick++;
      switch (cell.k) {
        case 'n':
          body += `<${p}c${ref}><${p}v>${cell.v}${end('v', st)}${end('c', st)}`;
          put(cell.v);
          break;
        case 's':
          body += `<${p}c${ref}${attr('t', 's', st)}><${p}v>${cell.v}${end('v', st)}${end('c', st)}`;
          put(sst[cell.v]!);
          break;
        case 'str': {
          const [w, v] = text(cell.v, st, pick);
          body += `<${p}c${ref}${attr('t', 'str', st)}><${p}f>A1&amp;"x"${end('f', st)}<${p}v>${w}${end('v', st)}${end('c', st)}`;
          put(v);
          break;
        }
        case 'inline': {
          const [w, v] = text(cell.v, st, pick);
          body += `<${p}c${ref}${attr('t', 'inlineStr', st)}><${p}is><${p}t${pick % 2 ? ' xml:space="preserve"' : ''}>${w}${end('t', st)}${end('is', st)}${end('c', st)}`;
          put(v);
          break;
        }
        case 'b':
          body += `<${p}c${ref}${attr('t', 'b', st)}><${p}v>${cell.v ? 1 : 0}${end('v', st)}${end('c', st)}`;
          put(cell.v);
          break;
        case 'e':
          body += `<${p}c${ref}${attr('t', 'e', st)}><${p}v>${cell.v}${end('v', st)}${end('c', st)}`;
          put({ t: 'error', code: cell.v });
          break;
        case 'empty':
          body += `<${p}c${ref}${attr('s', '3', st)}/>`;
          break;
        case 'uncached':
          body += `<${p}c${ref}><${p}f>SUM(A1:A2)${end('f', st)}${end('c', st)}`;
          uncached.push(col(c) + String(r + 1));
          break;
      }
      body += junkAt(st, pick);
    });
    body += end('row', st);
  });
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const xml = `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}dimension ref="A1"/><${p}sheetData>${body}${end('sheetData', st)}<${p}mergeCells><${p}mergeCell ref="A1:B2"/>${end('mergeCells', st)}${end('worksheet', st)}`;
  return { xml: encode(xml, st), rows: model, uncached };
}

function buildSst(items: [string, boolean, boolean][], st: Style): { xml: Uint8Array; strings: string[] } {
  const p = st.prefix;
  let body = '';
  items.forEach(([s, rich, phonetic], i) => {
    const [w] = text(s, st, i);
    const rph = phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>ふりがな${end('t', st)}${end('rPh', st)}<${p}phoneticPr fontId="1"/>` : '';
    body += junkAt(st, i);
    if (s === '' && !rich) body += `<${p}si/>`;
    else if (rich) body += `<${p}si><${p}r><${p}rPr><${p}b/>${end('rPr', st)}<${p}t>${w}${end('t', st)}${end('r', st)}<${p}r><${p}t>!${end('t', st)}${end('r', st)}${rph}${end('si', st)}`;
    else body += `<${p}si><${p}t>${w}${end('t', st)}${rph}${end('si', st)}`;
  });
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  return { xml: encode(`<${p}sst ${ns} count="8">${body}${end('sst', st)}`, st), strings: items.map(([s, rich]) => (rich ? s + '!' : s)) };
}

function buildWorkbook(names: string[], st: Style): { workbook: Uint8Array; rels: Uint8Array } {
  const p = st.prefix;
  const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheets = names.map((n, i) => `${junkAt(st, i)}<${p}sheet${attr('name', text(n, { ...st, cdata: false, crlf: false }, i)[0].replace(/"/g, '&quot;').replace(/'/g, '&apos;'), st)}${attr('sheetId', String(i + 1), st)}${attr('r:id', `rId${i + 1}`, st)}/>`).join('');
  const workbook = `<${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets>${sheets}${end('sheets', st)}${end('workbook', st)}`;
  const rels = names.map((_, i) => `${junkAt(st, i + 1)}<Relationship${attr('Id', `rId${i + 1}`, st)}${attr('Type', `${REL}/worksheet`, st)}${attr('Target', `worksheets/sheet${i + 1}.xml`, st)}/>`).join('');
  const sst = `<Relationship${attr('Id', 'rIdS', st)}${attr('Type', `${REL}/sharedStrings`, st)}${attr('Target', 'sharedStrings.xml', st)}/>`;
  return { workbook: encode(workbook, st), rels: encode(`<Relationships xmlns="${PKG}">${rels}${sst}</Relationships>`, { ...st, prefix: '' }) };
}

const CTX = (sharedStrings: string[]): ValueContext => ({ sharedStrings, dateXfs: [], elapsedXfs: [], date1904: false });

/** The scanner's grid, or 'refused'. */
function fastSheet(part: Uint8Array, ctx: ValueContext): { rows: CellValue[][]; uncached: string[] } | 'refused' {
  const b = xmlUtf8(part);
  const grid = new GridBuilder('S', newBudget(1e7, 1e7));
  try {
    scanSheet(b, rootPrefix(b, 'worksheet'), grid, ctx);
  } catch (e) {
    if (e instanceof Unsupported) return 'refused';
    throw e;
  }
  return { rows: grid.rows, uncached: grid.uncachedFormulas };
}

function saxesSheet(part: Uint8Array, ctx: ValueContext): { rows: CellValue[][]; uncached: string[] } {
  const grid = new GridBuilder('S', newBudget(1e7, 1e7));
  readSheetXml(xmlText(part), 'sheet', grid, ctx);
  return { rows: grid.rows, uncached: grid.uncachedFormulas };
}

function fastSst(part: Uint8Array): string[] | 'refused' {
  const b = xmlUtf8(part);
  try {
    return scanSharedStrings(b, rootPrefix(b, 'sst'), 1e6);
  } catch (e) {
    if (e instanceof Unsupported) return 'refused';
    throw e;
  }
}

describe('fast scanners agree with saxes, or refuse', () => {
  it('sheet and shared-string parts: same grid as saxes and as the model, or refused', () => {
    let taken = 0;
    fc.assert(
      fc.property(ROWS, SST, STYLE, (rows, items, st) => {
        const sst = buildSst(items, st);
        const fastStrings = fastSst(sst.xml);
        const strings = readSharedStringsXml(xmlText(sst.xml), 'sst', 1e6);
        expect(strings).toEqual(sst.strings);
        if (fastStrings !== 'refused') expect(fastStrings).toEqual(strings);

        const sheet = buildSheet(rows, strings, st);
        const reference = saxesSheet(sheet.xml, CTX(strings));
        expect(reference).toEqual({ rows: sheet.rows, uncached: sheet.uncached });
        const fast = fastSheet(sheet.xml, CTX(strings));
        if (fast !== 'refused') {
          taken++;
          expect(fast).toEqual(reference);
        }
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: the scanner takes a good share of the variants.
    expect(taken).toBeGreaterThan(15);
  });

  it('the scanner takes what producers write (plain XML), rich text and phonetic runs included', () => {
    fc.assert(
      fc.property(ROWS, SST, (rows, items) => {
        const sst = buildSst(items, PLAIN);
        expect(fastSst(sst.xml)).toEqual(sst.strings);
        const sheet = buildSheet(rows, sst.strings, PLAIN);
        expect(fastSheet(sheet.xml, CTX(sst.strings))).toEqual({ rows: sheet.rows, uncached: sheet.uncached });
      }),
      { numRuns: 100 },
    );
  });

  it('whole workbooks (workbook, rels, sheets, strings in any of the styles) read as the model says', () => {
    fc.assert(
      fc.property(fc.array(TEXT.filter((s) => s.trim() !== '' && !/[\t\n\r]/.test(s)), { minLength: 1, maxLength: 3 }), ROWS, SST, STYLE, (names, rows, items, st) => {
        const unique = [...new Set(names)];
        const sst = buildSst(items, st);
        const sheet = buildSheet(rows, sst.strings, st);
        const wb = buildWorkbook(unique, st);
        const bytes = handWorkbook({
          sheets: unique.map((name) => ({ name, xml: sheet.xml })),
          sst: sst.xml,
          workbookXml: wb.workbook,
          relsXml: wb.rels,
        });
        const grid = readWorkbook(bytes);
        expect(grid.sheets.map((s) => s.name)).toEqual(unique);
        for (const s of grid.sheets) {
          expect(s.rows).toEqual(sheet.rows);
          expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
        }
        expect(readWorkbook(bytes, { conformantOnly: true })).toEqual(grid);
      }),
      { numRuns: 25 },
    );
  });
});
