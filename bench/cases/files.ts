import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BenchCase } from '../harness';
import { addRatio, addSection, ratio } from '../report';
import { createWorkbook } from '../../src/io/xlsx';
import { readWorkbookFile } from '../../src/io/readFile';
import { checkFile } from '../../src/cli/check';
import { parseCli } from '../../src/cli/args';
import { wafangdianSheet } from '../generate';

const ROWS = 100_000;
const FILE = path.join(os.tmpdir(), `baoxue-bench-fj4-${ROWS}.xlsx`);

/** The 100,000-row 附件4 as an .xlsx, written once per machine by our own writer. */
function benchFile(): string {
  if (!fs.existsSync(FILE)) {
    const sheet = wafangdianSheet(ROWS);
    const cells = sheet.rows.flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value })).filter((x) => x.value !== null));
    fs.writeFileSync(FILE, createWorkbook({ sheets: [{ name: sheet.name, cells }] }));
  }
  return FILE;
}

/**
 * The same 附件4 as openpyxl's write-only mode writes it (a common bulk export): inline strings,
 * Chinese as numeric character references (&#22995;&#21517;). Generated at bench time.
 */
function openpyxlFile(): string {
  const file = path.join(os.tmpdir(), `baoxue-bench-fj4-openpyxl-${ROWS}.xlsx`);
  if (!fs.existsSync(file)) {
    const json = path.join(os.tmpdir(), `baoxue-bench-fj4-${ROWS}.json`);
    fs.writeFileSync(json, JSON.stringify(wafangdianSheet(ROWS).rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? null : v)))));
    const script = [
      'import json, sys',
      'from openpyxl import Workbook',
      'wb = Workbook(write_only=True)',
      "ws = wb.create_sheet('附件4')",
      'for row in json.load(open(sys.argv[1], encoding="utf-8")): ws.append(row)',
      'wb.save(sys.argv[2])',
    ].join('\n');
    execFileSync('/usr/bin/python3', ['-c', script, json, file]);
    fs.rmSync(json);
  }
  return file;
}

/** Our file re-saved by LibreOffice (shared strings, its own styles and row attributes). */
function libreofficeFile(): string {
  const file = path.join(os.tmpdir(), `baoxue-bench-fj4-libreoffice-${ROWS}.xlsx`);
  if (!fs.existsSync(file)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-bench-lo-'));
    const profile = `-env:UserInstallation=file://${dir}/profile`;
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), benchFile()], { stdio: 'ignore', timeout: 600_000 });
    fs.renameSync(path.join(dir, 'out', path.basename(benchFile())), file);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return file;
}

/** The floor: inflate the sheet part and count its rows, no parsing at all. */
function rawScan(file: string): number {
  const buf = fs.readFileSync(file);
  let rows = 0;
  // The central directory (local headers may leave sizes to a data descriptor); the worksheets
  // and the shared strings are inflated and their rows and strings counted.
  let eocd = buf.length - 22;
  while (eocd > 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  for (let n = 0, p = buf.readUInt32LE(eocd + 16); n < count; n++) {
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (!name.startsWith('xl/worksheets/') && name !== 'xl/sharedStrings.xml') continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    const xml = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
    const tag = name.endsWith('sharedStrings.xml') ? '<si' : '<row';
    for (let j = xml.indexOf(tag); j >= 0; j = xml.indexOf(tag, j + 3)) rows++;
  }
  return rows;
}

export const fileCases: BenchCase[] = [
  {
    id: 'file-raw-scan',
    title: 'floor: inflate + scan the sheet XML, 100,000 rows',
    rows: ROWS,
    prepare: benchFile,
    run: (file) => ({ rows: rawScan(file as string) }),
  },
  {
    id: 'file-read',
    title: 'our reader: 100,000-row .xlsx to a grid',
    rows: ROWS,
    prepare: benchFile,
    run: async (file) => ({ sheets: (await readWorkbookFile(file as string)).sheets.length }),
  },
  {
    id: 'file-exceljs-read',
    title: 'exceljs 4.4 load of the same file',
    rows: ROWS,
    prepare: benchFile,
    run: async (file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ExcelJS = require('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file as string);
      return { sheets: wb.worksheets.length };
    },
  },
  {
    id: 'file-cli-check',
    title: 'baoxue check (read + find + check), 100,000-row .xlsx',
    rows: ROWS,
    prepare: benchFile,
    run: async (file) => {
      const r = await checkFile(file as string, parseCli(['check', file as string, '--ref-date', '2026-11-01']));
      return { findings: r.findings.length };
    },
  },
];

/** The floor, our reader and `baoxue check` on one producer's file. */
function producerCases(id: string, who: string, prepare: () => string): BenchCase[] {
  return [
    { id: `file-${id}-raw-scan`, title: `floor: inflate + scan, ${who}`, rows: ROWS, prepare, run: (file) => ({ rows: rawScan(file as string) }) },
    { id: `file-${id}-read`, title: `our reader, ${who}`, rows: ROWS, prepare, run: async (file) => ({ sheets: (await readWorkbookFile(file as string)).sheets.length }) },
    {
      id: `file-${id}-cli-check`,
      title: `baoxue check, ${who}`,
      rows: ROWS,
      prepare,
      run: async (file) => {
        const r = await checkFile(file as string, parseCli(['check', file as string, '--ref-date', '2026-11-01']));
        return { findings: r.findings.length, ok: r.ok ? 1 : 0 };
      },
    },
  ];
}

const PRODUCERS: [string, string, () => string][] = [
  ['openpyxl', '100,000-row 附件4 from openpyxl write-only (inline strings, &#NNNNN;)', openpyxlFile],
  ['libreoffice', '100,000-row 附件4 re-saved by LibreOffice (shared strings)', libreofficeFile],
];
for (const [id, who, prepare] of PRODUCERS) fileCases.push(...producerCases(id, who, prepare));

const PRODUCER_TARGETS = [
  ['', 'our writer'],
  ['openpyxl-', 'openpyxl write-only'],
  ['libreoffice-', 'LibreOffice'],
].flatMap(([p, who]) => [
  ratio(`file-${p}cli-check`, `file-${p}raw-scan`, `${who}: baoxue check ÷ inflate+scan floor ≤ 2.5×`, (v) => v <= 2.5),
  ratio(`file-${p}cli-check`, `file-${p}read`, `${who}: baoxue check ÷ our reader ≤ 1.3×`, (v) => v <= 1.3),
]);

addRatio({ title: 'baoxue check ÷ our reader alone (overhead of checking)', numerator: 'file-cli-check', denominator: 'file-read', target: '≤ 1.3×' });
addRatio({ title: 'exceljs ÷ our reader', numerator: 'file-exceljs-read', denominator: 'file-read', target: '(for comparison)' });
addRatio({ title: 'our reader ÷ raw inflate+scan floor', numerator: 'file-read', denominator: 'file-raw-scan', target: '(for comparison)' });

addSection({
  title: '2. Command line end to end',
  about:
    '`baoxue check` as the command line runs it (checkFile: read the .xlsx, find the tables, check, build the report), ' +
    'in process, on a 100,000-row 附件4 written by our writer, against reading the same file alone with our reader ' +
    '(src/io/readFile): the ratio is what checking adds to loading. For comparison, exceljs 4.4 loading the same ' +
    'file, and a floor that only inflates the sheet XML (and shared strings) and counts its rows. The same 附件4 ' +
    "also from two other producers: openpyxl's write-only mode (inline strings, Chinese as &#NNNNN; references, " +
    'generated with /usr/bin/python3 at bench time) and a LibreOffice re-save (shared strings).',
  targets: PRODUCER_TARGETS,
});
