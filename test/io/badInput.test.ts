import { codeOf } from '../helpers/xlsxError';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createWorkbook, openPackage, readWorkbook, XlsxError, type XlsxErrorCode } from '../../src/io/xlsx';
import { FILE_TEXTS } from '../../src/i18n/zh-CN/files';
import { nodeInflateRaw } from '../../src/io/readFile';
import { editPart, zipOf } from './fixtures';

const SAMPLE = new Uint8Array(fs.readFileSync(path.join(__dirname, '../../../shared/samples/wafangdian.xlsx')));
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE2 header followed by padding and, optionally, UTF-16LE stream names. */
function ole(...streams: string[]): Uint8Array {
  const names = streams.map((s) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]));
  return new Uint8Array([...OLE, ...new Array(504).fill(0), ...names.flat(), ...new Array(64).fill(0)]);
}


/** A valid workbook whose sheet XML inflates to 64 MB (of spaces inside <sheetData>) from ~64 KB. */
const BOMB = editPart(createWorkbook({ sheets: [{ name: 'S', cells: [] }] }), 'xl/worksheets/sheet1.xml', (xml) =>
  xml.replace('<sheetData>', '<sheetData>' + ' '.repeat(64 * 1024 ** 2)),
);

const MINIMAL_WORKBOOK = createWorkbook({ sheets: [{ name: 'S', cells: [{ row: 0, col: 0, value: 'x'.repeat(2000) }] }] });

const corpus: [string, Uint8Array, XlsxErrorCode][] = [
  ['zero bytes', new Uint8Array(0), 'empty'],
  ['random bytes', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)), 'not-zip'],
  ['a .csv renamed', new TextEncoder().encode('姓名,身份证号\n张三,110101201001011234\n'), 'not-zip'],
  ['a truncated zip', SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2)), 'corrupt'],
  ['an old .xls', ole('Workbook', 'SummaryInformation'), 'xls'],
  ['an encrypted .xlsx', ole('EncryptionInfo', 'EncryptedPackage'), 'encrypted'],
  [
    'a .docx',
    zipOf({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    }),
    'not-workbook',
  ],
  ['a plain zip', zipOf({ 'readme.txt': 'hello' }), 'not-workbook'],
  ['an .xlsb', zipOf({ 'xl/workbook.bin': new Uint8Array(8) }), 'xlsb'],
];

describe('bad input gives XlsxError with the right code', () => {
  it.each(corpus)('%s', (_, bytes, code) => {
    expect(codeOf(() => readWorkbook(bytes))).toBe(code);
    expect(codeOf(() => openPackage(bytes))).toBe(code);
  });

  it.each([
    ['inside the compressed data', 40],
    ['near its end (caught by the CRC or the size)', -6],
  ])('a sheet whose bytes were damaged %s is refused', (_, at) => {
    const { start, end } = entryData(SAMPLE, 'xl/worksheets/sheet1.xml');
    const damaged = SAMPLE.slice();
    const from = at >= 0 ? start + at : end + at;
    for (let i = from; i < from + 4; i++) damaged[i] = damaged[i]! ^ 0x5a;
    expect(codeOf(() => readWorkbook(damaged))).toBe('corrupt');
  });

  it('refuses a zip bomb (a sheet inflating to 64 MB) by its declared size', () => {
    expect(codeOf(() => readWorkbook(BOMB, { maxUncompressedBytes: 1024 ** 2 }))).toBe('zip-bomb');
    expect(codeOf(() => openPackage(BOMB, { maxUncompressedBytes: 1024 ** 2 }))).toBe('zip-bomb');
  });

  it('stops inflating a bomb whose header understates its size', () => {
    const lying = lieAboutSize(BOMB, 'xl/worksheets/sheet1.xml', 100);
    expect(codeOf(() => readWorkbook(lying))).toBe('zip-bomb');
    expect(codeOf(() => readWorkbook(lying, { inflateRaw: nodeInflateRaw }))).toBe('zip-bomb');
  });

  it('calls an entry a little longer than declared damaged, not "over 1 GB"', () => {
    const lying = lieAboutSize(MINIMAL_WORKBOOK, 'xl/worksheets/sheet1.xml', 50);
    expect(codeOf(() => readWorkbook(lying))).toBe('corrupt');
    expect(codeOf(() => readWorkbook(lying, { inflateRaw: nodeInflateRaw }))).toBe('corrupt');
  });

  it('refuses a sheet XML that is broken mid-tag', () => {
    const broken = editPart(MINIMAL_WORKBOOK, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<c r="A1"', '<c r="A1" t="inlineStr" s=x'));
    expect(codeOf(() => readWorkbook(broken))).toBe('part-broken');
  });

  it('every message is Chinese and says what to do', () => {
    const encrypted = FILE_TEXTS.encrypted({});
    expect(encrypted).toBe('文件已加密，请在 Excel 中用密码打开后另存为未加密的副本再检查。');
    for (const [, , code] of corpus) expect(new XlsxError(code).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

/** Where an entry's compressed data lies, from its local header. */
function entryData(zip: Uint8Array, name: string): { start: number; end: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const needle = new TextEncoder().encode(name);
  for (let p = 0; p + 30 < zip.length; p++) {
    if (view.getUint32(p, true) !== 0x04034b50) continue;
    const nameLen = view.getUint16(p + 26, true);
    const got = zip.subarray(p + 30, p + 30 + nameLen);
    if (got.length === needle.length && got.every((b, i) => b === needle[i])) {
      const start = p + 30 + nameLen + view.getUint16(p + 28, true);
      return { start, end: start + view.getUint32(p + 18, true) };
    }
  }
  throw new Error(`entry ${name} not found`);
}

/** Rewrites the uncompressed size that the central directory declares for one entry. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const needle = new TextEncoder().encode(name);
  for (let p = out.length - 22; p >= 0; p--) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(p + 28, true);
    const got = out.subarray(p + 46, p + 46 + nameLen);
    if (got.length === needle.length && got.every((b, i) => b === needle[i])) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`entry ${name} not found`);
}

describe('property: nothing but XlsxError escapes', () => {
  const onlyXlsxErrors = (bytes: Uint8Array): boolean => {
    for (const run of [() => readWorkbook(bytes), () => openPackage(bytes).readGrid()]) {
      try {
        run();
      } catch (e) {
        if (!(e instanceof XlsxError)) throw e;
      }
    }
    return true;
  };

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), onlyXlsxErrors), { numRuns: 300 });
  });

  it('random bytes after a zip signature', () => {
    const zipLike = fc.uint8Array({ maxLength: 2048 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]));
    fc.assert(fc.property(zipLike, onlyXlsxErrors), { numRuns: 300 });
  });

  it('a real workbook, truncated or with bytes changed', () => {
    const damaged = fc.oneof(
      fc.nat({ max: SAMPLE.length }).map((n) => SAMPLE.subarray(0, n)),
      fc.array(fc.tuple(fc.nat({ max: SAMPLE.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const b = SAMPLE.slice();
        for (const [at, x] of flips) b[at] = b[at]! ^ x;
        return b;
      }),
    );
    fc.assert(fc.property(damaged, onlyXlsxErrors), { numRuns: 300 });
  });

  it('a workbook whose sheet XML is arbitrary text', () => {
    const xmlish = fc.stringMatching(/^(<[a-z:]{0,4}[ \/>]?|[rstv]="[A-Z0-9]{0,3}"|>|<\/|&#?[a-z0-9]{0,4};?|[a-z0-9 ])*$/, { maxLength: 300 });
    fc.assert(
      fc.property(xmlish, (body) => onlyXlsxErrors(editPart(MINIMAL_WORKBOOK, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${body}</sheetData>`)))),
      { numRuns: 300 },
    );
  });
});
