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

/** The floor: inflate the sheet part and count its rows, no parsing at all. */
function rawScan(file: string): number {
  const buf = fs.readFileSync(file);
  let rows = 0;
  // Local file headers: signature, sizes at fixed offsets; only the worksheets are scanned.
  for (let i = 0; i + 30 < buf.length; ) {
    if (buf.readUInt32LE(i) !== 0x04034b50) break;
    const method = buf.readUInt16LE(i + 8);
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extraLen = buf.readUInt16LE(i + 28);
    const name = buf.toString('utf8', i + 30, i + 30 + nameLen);
    const start = i + 30 + nameLen + extraLen;
    if (name.startsWith('xl/worksheets/')) {
      const data = buf.subarray(start, start + size);
      const xml = (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8');
      for (let j = xml.indexOf('<row'); j >= 0; j = xml.indexOf('<row', j + 4)) rows++;
    }
    i = start + size;
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

addRatio({ title: 'baoxue check ÷ our reader alone (overhead of checking)', numerator: 'file-cli-check', denominator: 'file-read', target: '≤ 1.3×' });
addRatio({ title: 'exceljs ÷ our reader', numerator: 'file-exceljs-read', denominator: 'file-read', target: '(for comparison)' });
addRatio({ title: 'our reader ÷ raw inflate+scan floor', numerator: 'file-read', denominator: 'file-raw-scan', target: '(for comparison)' });

addSection({
  title: '2. Command line end to end',
  about:
    '`baoxue check` as the command line runs it (checkFile: read the .xlsx, find the tables, check, build the report), ' +
    'in process, on a 100,000-row 附件4 written by our writer, against reading the same file alone with our reader ' +
    '(src/io/readFile): the ratio is what checking adds to loading. For comparison, exceljs 4.4 loading the same ' +
    'file, and a floor that only inflates the sheet XML and counts its rows.',
  targets: [ratio('file-cli-check', 'file-read', 'baoxue check ÷ our reader alone ≤ 1.3×', (v) => v <= 1.3)],
});
