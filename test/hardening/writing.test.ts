import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { createWorkbook, openPackage, readWorkbook } from '../../src/io/xlsx';
import { isoToSerial } from '../../src/core/model/cell';
import { writeZip } from '../../src/io/xlsx/zip/writeZip';
import { ZipArchive } from '../../src/io/xlsx/zip/readZip';
import { parseCli } from '../../src/cli/args';
import { runFill } from '../../src/cli/fill';
import { codeOf } from '../helpers/xlsxError';
import { date1904Fixture, ledgerFixture, partsOf } from '../io/fixtures';
import { itWithOpenpyxl, openpyxlJson } from '../io/python';

const SAMPLES = path.join(__dirname, '../../../shared/samples');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-writing-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const python = (script: string, ...args: string[]) => spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });

/*
 * LibreOffice is left out here on purpose: every version refuses an archive of more than 65,534
 * entries (ZIP_MAXENTRIES in package/source/zipapi), ZIP64 or not, so it cannot open the input either.
 */
describe('a workbook of more than 65,535 zip entries', () => {
  const input = () => path.join(dir, 'many.xlsx');
  const output = () => path.join(dir, 'many-filled.xlsx');
  let code: number;

  beforeAll(async () => {
    // Built by Python's zipfile (ZIP64 itself), not by the writer under test: 附件4 and 附件5 plus 65,600 small parts.
    const made = python(
      [
        'import sys, zipfile',
        'src = zipfile.ZipFile(sys.argv[1])',
        'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:',
        '  for i in src.infolist(): out.writestr(i.filename, src.read(i.filename))',
        '  for n in range(65600): out.writestr(f"customXml/pad{n}.xml", "<a/>")',
      ].join('\n'),
      path.join(SAMPLES, 'wafangdian.xlsx'),
      input(),
    );
    expect(made.stderr).toBe('');
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    code = await runFill(parseCli(['fill', input(), '-o', output()]));
    jest.restoreAllMocks();
  }, 180_000);

  it('is written by fill as a ZIP64 archive that unzip tests clean, every entry kept', () => {
    expect(code).toBe(0);
    const test = spawnSync('unzip', ['-tq', output()], { encoding: 'utf8' });
    expect(test.stdout + test.stderr).toMatch(/^No errors detected[^\n]*\n$/);
    expect(test.status).toBe(0);
    const entries = 65600 + Object.keys(partsOf(fs.readFileSync(path.join(SAMPLES, 'wafangdian.xlsx')))).length;
    // Every entry where the end records say: a 16-bit count cut to entries mod 65,536 hides the rest from readers that trust it.
    expect(new ZipArchive(new Uint8Array(fs.readFileSync(output()))).entries).toHaveLength(entries);
  });

  itWithOpenpyxl('opens in openpyxl with the filled totals', () => {
    const got = openpyxlJson<{ sheets: string[]; total: unknown }>(
      new Uint8Array(fs.readFileSync(output())),
      'wb = openpyxl.load_workbook(sys.argv[1])\nws = wb["附件5"]\nprint(json.dumps({"sheets": wb.sheetnames, "total": [c for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, (int, float))][:1]}))',
    );
    expect(got.sheets).toEqual(['附件4', '附件5']);
    expect(got.total).toHaveLength(1);
  });

  it('reads back through our own reader', () => {
    const grid = readWorkbook(new Uint8Array(fs.readFileSync(output())));
    expect(grid.sheets.map((s) => s.name)).toEqual(['附件4', '附件5']);
  });
});

describe('the zip writer', () => {
  const tiny = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p/${i}.xml`, data: strToU8('<a/>') }));

  it('writes no ZIP64 records below 65,535 entries, and both records at 65,535', () => {
    const has64 = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(has64(writeZip(tiny(65534)))).toBe(false);
    const big = writeZip(tiny(65535));
    expect(has64(big)).toBe(true);
    expect(Object.keys(unzipSync(big))).toHaveLength(65535);
  });

  it('refuses an entry name that leaves its folder', () => {
    for (const name of ['../evil.txt', 'xl/../../evil.txt', '/etc/passwd', 'C:/x.xml', 'a\\..\\b.xml']) {
      expect(codeOf(() => writeZip([{ name, data: strToU8('x') }]))).toBe('unsafe-entry');
    }
    expect(codeOf(() => writeZip([{ name: 'xl/..data/ok.xml', data: strToU8('x') }]))).toBe('ok');
  });
});

describe('entries named with ..', () => {
  it('are never copied from the workbook read into the one written', async () => {
    const parts = partsOf(await ledgerFixture());
    const evil = zipSync({ ...parts, '../evil.sh': strToU8('rm -rf ~'), 'xl/../../up.txt': strToU8('x') });
    const pkg = openPackage(evil);
    pkg.setCells('台账', [{ row: 10, col: 0, value: 'x' }]);
    const names = Object.keys(unzipSync(pkg.toBytes()));
    expect(names.filter((n) => n.includes('..'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(Object.keys(parts)));
  });
});

describe('dates written into a 1904 workbook', () => {
  const serial = isoToSerial('2026-09-01');

  itWithOpenpyxl('are converted to its date system, in cells set and in sheets added', async () => {
    const pkg = openPackage(await date1904Fixture());
    pkg.setCells('日期', [{ row: 1, col: 0, value: { t: 'date', serial }, style: { numFmt: 'yyyy-mm-dd' } }]);
    pkg.addSheet({ name: '新表', cells: [{ row: 0, col: 0, value: { t: 'date', serial }, style: { numFmt: 'yyyy-mm-dd' } }] });
    const got = openpyxlJson<string[]>(
      pkg.toBytes(),
      'wb = openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps([str(wb["日期"]["A1"].value), str(wb["日期"]["A2"].value), str(wb["新表"]["A1"].value)]))',
    );
    expect(got).toEqual(['2021-03-05 00:00:00', '2026-09-01 00:00:00', '2026-09-01 00:00:00']);
  });

  it('read back by our reader as the same date', async () => {
    const pkg = openPackage(await date1904Fixture());
    pkg.setCells('日期', [{ row: 1, col: 0, value: { t: 'date', serial }, style: { numFmt: 'yyyy-mm-dd' } }]);
    expect(readWorkbook(pkg.toBytes()).sheets[0]!.rows[1]![0]).toEqual({ t: 'date', serial });
  });
});

describe('a cell over Excel’s 32,767 characters', () => {
  const long = '长'.repeat(32768);

  it('is refused, naming the sheet and cell, when set into a workbook', async () => {
    const pkg = openPackage(await ledgerFixture());
    let message = '';
    try {
      pkg.setCells('台账', [{ row: 9, col: 1, value: long }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('台账!B10');
    expect(message).toContain('32768');
    expect(message).not.toMatch(/\n/);
  });

  it('is refused in a workbook created from a spec', () => {
    expect(codeOf(() => createWorkbook({ sheets: [{ name: 'S', cells: [{ row: 0, col: 0, value: long }] }] }))).toBe('cell-too-long');
  });

  itWithOpenpyxl('at exactly 32,767 characters is written whole', () => {
    const bytes = createWorkbook({ sheets: [{ name: 'S', cells: [{ row: 0, col: 0, value: long.slice(1) }] }] });
    expect(openpyxlJson<number>(bytes, 'print(len(openpyxl.load_workbook(sys.argv[1])["S"]["A1"].value))')).toBe(32767);
  });
});

describe('the byte order mark of an edited part', () => {
  it('is kept', async () => {
    const parts = partsOf(await ledgerFixture());
    const sheet = 'xl/worksheets/sheet1.xml';
    const withBom = zipSync({ ...parts, [sheet]: new Uint8Array([0xef, 0xbb, 0xbf, ...parts[sheet]!]) });
    const pkg = openPackage(withBom);
    pkg.setCells('台账', [{ row: 10, col: 0, value: '新' }]);
    const out = partsOf(pkg.toBytes());
    expect([...out[sheet]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(out[sheet]!).toString('utf8')).toContain('新');
    // A part without one gets none.
    const plain = openPackage(zipSync(parts));
    plain.setCells('台账', [{ row: 10, col: 0, value: '新' }]);
    expect(partsOf(plain.toBytes())[sheet]![0]).toBe('<'.charCodeAt(0));
  });
});
