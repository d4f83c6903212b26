import zlib from 'node:zlib';
import * as CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';
import type { CellValue } from '../../src/core/model/cell';
import type { RangeRef } from '../../src/core/model/address';
import type { CellSpec, SheetSpec } from '../../src/io/xlsx/spec';
import { createWorkbook, DEFAULT_MAX_UNCOMPRESSED } from '../../src/io/xlsx';
import { encryptWorkbook } from '../../src/io/encrypt/agile';
import { WAFANGDIAN_HEADER, wafangdianRow } from '../core/rules/fixtures';
import { withCheckDigit } from '../helpers/grid';
import { editPart, partsOf, zipOf } from '../io/fixtures';

/**
 * Files as clerks send them, and worse: every entry is generated here (no binary fixtures).
 * `unreadable` is the reason the reader must give (null: the file is read); `fills` and
 * `merges` say that the file holds a totals table to fill or a ledger to merge.
 */
export interface CorpusEntry {
  name: string;
  file: string;
  build: () => Uint8Array;
  unreadable: RegExp | null;
  /** The browser page's reason, where it differs from the command line's. */
  pageReason?: RegExp;
  fills?: boolean;
  merges?: boolean;
  /** Rules check must not report in it (a merged cell taken for an empty one …). */
  clean?: RegExp;
  /** Findings check must report in it (beyond not failing), by rule, cell and message. */
  expect?: { rule: string; cell: string; message?: RegExp }[];
}

export const PASSWORD = '保学2026!';

const TITLE = '瓦房店市疑似失学儿童个体情况汇总表';
const TOTALS_TITLE = '瓦房店市疑似失学儿童核查劝返总体情况汇总表';

function cellsOf(rows: readonly (readonly CellValue[] | undefined)[], top = 0): CellSpec[] {
  const cells: CellSpec[] = [];
  rows.forEach((row, r) => row?.forEach((value, col) => value !== null && cells.push({ row: top + r, col, value })));
  return cells;
}

/** 附件4 (the list) with `rows` children under its title and header, starting at grid row `top`. */
function ledgerSheet(rows: CellValue[][], opts: { name?: string; top?: number; merges?: RangeRef[]; state?: SheetSpec['state'] } = {}): SheetSpec {
  const top = opts.top ?? 0;
  return {
    name: opts.name ?? '附件4',
    cells: cellsOf([[TITLE], WAFANGDIAN_HEADER, ...rows], top),
    merges: [{ top, left: 0, bottom: top, right: 10 }, ...(opts.merges ?? [])],
    ...(opts.state ? { state: opts.state } : {}),
  };
}

/** 附件5 as the official template prints it: two header rows, one 区县 row and the 总计 row, figures empty. */
function totalsSheet(): SheetSpec {
  const kinds = 'ABCDEFGHIJKLM'.split('').map((k) => `${k}类`);
  return {
    name: '附件5',
    cells: cellsOf([
      [TOTALS_TITLE],
      ['地市', '区县', '疑似失学儿童合计', '核减项', null, null, null, null, null, null, null, '应劝返项', null, null, null, null, '复学人数'],
      [null, null, null, ...kinds],
      ['大连市', '瓦房店市'],
      ['总计'],
    ]),
    merges: [
      { top: 0, left: 0, bottom: 0, right: 16 },
      { top: 1, left: 3, bottom: 1, right: 10 },
      { top: 1, left: 11, bottom: 1, right: 15 },
      ...[0, 1, 2, 16].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
    ],
  };
}

export const children = (n: number, from = 1): CellValue[][] => Array.from({ length: n }, (_, i) => wafangdianRow(from + i));

/** The usual file: 附件4 with a few children and an empty 附件5. */
export function schoolWorkbook(rows: CellValue[][] = children(6)): Uint8Array {
  return createWorkbook({ sheets: [ledgerSheet(rows), totalsSheet()] });
}

/** A zip whose entries are given already deflated (or stored), sizes and CRC as stated. */
interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/**
 * A real zip bomb: a workbook whose sheet XML inflates to `size` bytes (spaces inside
 * <sheetData>) from about a megabyte. Fully flushed deflate blocks of the same input are the
 * same bytes, so one 64 MB block is compressed once and repeated. `declared` is the size the
 * zip states (a lying header states less than the data holds).
 */
export function zipBomb(size: number, declared = size): Uint8Array {
  const parts = partsOf(createWorkbook({ sheets: [{ name: '附件4', cells: [] }] }));
  const sheetName = 'xl/worksheets/sheet1.xml';
  const xml = Buffer.from(parts[sheetName]!).toString('utf8');
  const [head, tail] = xml.split(/<sheetData\/>|<sheetData><\/sheetData>/) as [string, string];
  const prefix = Buffer.from(`${head}<sheetData>`);
  const suffix = Buffer.from(`</sheetData>${tail}`);
  const chunk = Buffer.alloc(64 * 1024 ** 2, 0x20);
  const flush = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const block = zlib.deflateRawSync(chunk, flush);
  const spaces = size - prefix.length - suffix.length;
  const whole = Math.floor(spaces / chunk.length);
  const rest = chunk.subarray(0, spaces - whole * chunk.length);
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < whole; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(suffix, zlib.crc32(rest, crc));
  const data = Buffer.concat([
    zlib.deflateRawSync(prefix, flush),
    ...Array.from({ length: whole }, () => block),
    zlib.deflateRawSync(rest, flush),
    zlib.deflateRawSync(suffix),
  ]);
  const entries: RawEntry[] = Object.entries(parts).map(([name, bytes]) =>
    name === sheetName
      ? { name, data: data, method: 8, crc, size: declared }
      : { name, data: bytes, method: 0, crc: zlib.crc32(bytes), size: bytes.length },
  );
  return rawZip(entries);
}

/** An OLE2 compound file holding the given streams (what .xls and encrypted workbooks are). */
function ole(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, name, data);
  CFB.utils.cfb_del(container, '\u0001Sh33tJ5');
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A BIFF8 workbook stream's first record (BOF), enough for anything that sniffs it. */
const BIFF8_BOF = new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 0x06, 0x04, 0, 0]);

/** The first sheet's XML, edited. */
const editSheet = (bytes: Uint8Array, edit: (xml: string) => string) => editPart(bytes, 'xl/worksheets/sheet1.xml', edit);

/** A macro-enabled workbook (.xlsm): the workbook content type and a vbaProject part. */
export const VBA_PROJECT = new Uint8Array(ole({ VBA: new Uint8Array([0x61, 0x75, 0x74, 0x6f, 0x5f, 0x6f, 0x70, 0x65, 0x6e]) }));

function xlsm(): Uint8Array {
  const parts = partsOf(schoolWorkbook());
  const text = (name: string) => Buffer.from(parts[name]!).toString('utf8');
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = data;
  files['[Content_Types].xml'] = text('[Content_Types].xml')
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  files['xl/_rels/workbook.xml.rels'] = text('xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  files['xl/vbaProject.bin'] = VBA_PROJECT;
  return zipOf(files);
}

/** 附件4 whose 原始序号 are formulas (=ROW()-2): one saved with its result, two without (A5, A6). */
function formulas(): Uint8Array {
  return editSheet(schoolWorkbook(), (xml) =>
    xml
      .replace('<c r="A4"><v>2</v></c>', '<c r="A4"><f>ROW()-2</f><v>2</v></c>')
      .replace('<c r="A5"><v>3</v></c>', '<c r="A5"><f>ROW()-2</f></c>')
      .replace('<c r="A6"><v>4</v></c>', '<c r="A6"><f>ROW()-2</f><v></v></c>'),
  );
}

/** Rows 4 and 6 hidden, and a second copy of the list on a hidden sheet and a very hidden one. */
function hidden(): Uint8Array {
  const bytes = createWorkbook({
    sheets: [ledgerSheet(children(6)), totalsSheet(), ledgerSheet(children(3, 20), { name: '隐藏的表', state: 'hidden' }), ledgerSheet(children(2, 30), { name: '深藏的表', state: 'veryHidden' })],
  });
  return editSheet(bytes, (xml) => xml.replace(/<row r="([46])"/g, '<row r="$1" hidden="1"'));
}

/** The 区县 and 地市 cells merged down over all data rows, as clerks do for one county. */
function mergedAcrossRows(): Uint8Array {
  const rows = children(8).map((r, i) => r.map((v, c) => (i > 0 && (c === 2 || c === 3) ? null : v)));
  return createWorkbook({
    sheets: [
      ledgerSheet(rows, { merges: [{ top: 2, left: 2, bottom: 9, right: 2 }, { top: 2, left: 3, bottom: 9, right: 3 }] }),
      totalsSheet(),
    ],
  });
}

/** The list at the top, and a stray note on Excel's last row (1,048,576), as a slipped Ctrl+↓ leaves it. */
function strayLastRow(): Uint8Array {
  const sheet = ledgerSheet(children(4));
  sheet.cells.push({ row: 1048575, col: 10, value: '已核实' });
  return createWorkbook({ sheets: [sheet, totalsSheet()] });
}

/** Nothing but a list at the very bottom of the sheet, ending on row 1,048,576. */
function bottomOnly(): Uint8Array {
  return createWorkbook({ sheets: [ledgerSheet(children(4), { top: 1048576 - 2 - 4 })] });
}

/** `n` children with distinct synthetic 身份证号 (born on one of n/1000 days from 2006-05-01). */
function manyChildren(n: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const birth = new Date(Date.UTC(2006, 4, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10).replace(/-/g, '');
    const seq = String(i % 1000).padStart(3, '0');
    rows.push(wafangdianRow(i + 1, { idcard: withCheckDigit(`210281${birth}${seq}`), gender: (i % 1000) % 2 ? '男' : '女' }));
  }
  return rows;
}

function inlineCell(ref: string, v: CellValue): string {
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`;
}

/** 200,000 children in one list (2.2 million cells), its XML written directly: the spec writer takes long for this. */
export const LONG_ROWS = 200_000;
function longSheet(): Uint8Array {
  const letters = 'ABCDEFGHIJK';
  const xml: string[] = [];
  manyChildren(LONG_ROWS).forEach((row, i) => {
    const r = i + 3;
    xml.push(`<row r="${r}">${row.map((v, c) => inlineCell(`${letters[c]}${r}`, v)).join('')}</row>`);
  });
  const parts = partsOf(createWorkbook({ sheets: [ledgerSheet([])] }));
  const sheet = Buffer.from(parts['xl/worksheets/sheet1.xml']!).toString('utf8').replace('</sheetData>', `${xml.join('')}</sheetData>`);
  return zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(sheet) }, { level: 1 });
}

function longCell(): Uint8Array {
  const rows = children(3);
  rows[1]![10] = '备'.repeat(32767);
  return schoolWorkbook(rows);
}

/** The list pasted twice, header and all. */
function pastedTwice(): Uint8Array {
  const rows = children(4);
  return schoolWorkbook([...rows, WAFANGDIAN_HEADER, ...children(4, 5)]);
}

/** A .docx: a valid Office package, but a word-processing one. */
function docx(): Uint8Array {
  return zipOf({
    '[Content_Types].xml':
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>劝返情况说明</w:t></w:r></w:p></w:body></w:document>',
  });
}

/** Deterministic noise (a linear congruential generator), so failures can be replayed. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const UNREADABLE = {
  empty: /空的/,
  notZip: /不是 Excel 工作簿/,
  corrupt: /损坏|不完整/,
  bomb: /解压后超过/,
  xls: /97-2003/,
  encrypted: /--password/,
  notWorkbook: /不是 Excel 工作簿/,
};

export const CORPUS: CorpusEntry[] = [
  { name: 'a zero-byte file', file: 'empty.xlsx', build: () => new Uint8Array(0), unreadable: UNREADABLE.empty },
  { name: 'random bytes', file: 'random.xlsx', build: () => noise(65536, 7), unreadable: UNREADABLE.notZip },
  { name: 'a truncated zip', file: 'truncated.xlsx', build: () => schoolWorkbook().subarray(0, 3000), unreadable: UNREADABLE.corrupt },
  {
    name: 'a zip bomb (a sheet inflating past the 1 GiB limit)',
    file: 'bomb.xlsx',
    build: () => zipBomb(DEFAULT_MAX_UNCOMPRESSED + 64 * 1024 ** 2),
    unreadable: UNREADABLE.bomb,
  },
  {
    name: 'a zip bomb whose header understates its size',
    file: 'bomb-lying.xlsx',
    build: () => zipBomb(512 * 1024 ** 2, 4096),
    unreadable: UNREADABLE.bomb,
  },
  {
    name: 'an encrypted .xlsx (no password given)',
    file: 'encrypted.xlsx',
    build: () => encryptWorkbook(schoolWorkbook(), PASSWORD),
    unreadable: UNREADABLE.encrypted,
    pageReason: /已加密/,
  },
  { name: 'an old .xls', file: 'old.xls', build: () => ole({ Workbook: BIFF8_BOF }), unreadable: UNREADABLE.xls },
  { name: 'an old .xls renamed .xlsx', file: 'old-renamed.xlsx', build: () => ole({ Workbook: BIFF8_BOF }), unreadable: UNREADABLE.xls },
  {
    name: 'a .csv renamed .xlsx',
    file: 'list-csv.xlsx',
    build: () => new TextEncoder().encode(`${WAFANGDIAN_HEADER.join(',')}\n${children(2).map((r) => r.join(',')).join('\n')}\n`),
    unreadable: UNREADABLE.notZip,
  },
  { name: 'a .docx renamed .xlsx', file: 'letter-docx.xlsx', build: docx, unreadable: /Word/ },
  { name: 'a macro-enabled .xlsm', file: 'macros.xlsm', build: xlsm, unreadable: null, fills: true, merges: true },
  {
    name: 'formulas with and without cached values',
    file: 'formulas.xlsx',
    build: formulas,
    unreadable: null,
    fills: true,
    merges: true,
    expect: [{ rule: 'file.uncached-formula', cell: 'A5', message: /2 个公式单元格.*A5、A6/ }],
  },
  { name: 'cells merged across data rows', file: 'merged.xlsx', build: mergedAcrossRows, unreadable: null, fills: true, merges: true, clean: /^required\./ },
  { name: 'hidden rows and hidden sheets', file: 'hidden.xlsx', build: hidden, unreadable: null, fills: true, merges: true },
  { name: 'a stray cell on row 1,048,576', file: 'last-row.xlsx', build: strayLastRow, unreadable: null, fills: true, merges: true },
  {
    name: 'a list at the very bottom, ending on row 1,048,576',
    file: 'bottom.xlsx',
    build: bottomOnly,
    unreadable: null,
    // The finder looks for a header near the top only; such a sheet is reported, not searched to the end.
    expect: [{ rule: 'header.no-table', cell: 'A1' }],
  },
  { name: `a list of ${LONG_ROWS} rows`, file: 'long.xlsx', build: longSheet, unreadable: null, fills: true, merges: true },
  { name: 'a cell of 32,767 characters', file: 'long-cell.xlsx', build: longCell, unreadable: null, fills: true, merges: true },
  { name: 'a header row only', file: 'header-only.xlsx', build: () => schoolWorkbook([]), unreadable: null, fills: true, merges: true },
  {
    name: 'the list pasted in twice, header and all',
    file: 'pasted-twice.xlsx',
    build: pastedTwice,
    unreadable: null,
    fills: true,
    merges: true,
    expect: [{ rule: 'header.repeated', cell: 'A7' }],
  },
];
