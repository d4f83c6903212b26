/**
 * The saved workbook explains itself: 标记错误 in the browser page writes each marked cell's
 * findings (message and fix) as a legacy note, read back by openpyxl and LibreOffice, and
 * 清除标记 takes them away again, leaving the file as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openPackage, readWorkbook } from '../../src/io/xlsx';
import { checkWorkbook } from '../../src/core/check';
import { WorkbookFile, noteTexts } from '../../src/browser/workbookFile';
import { ui } from '../../src/i18n/zh-CN/ui';
import { SAMPLES } from '../e2e/helpers';
import { MARKS_SHEET_PURPOSE } from '../../src/i18n/zh-CN/files';
import { convertWithLibreOffice } from '../helpers/libreOffice';

const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));
let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-notes-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function openpyxlNotes(file: string): Record<string, Record<string, string>> {
  const run = spawnSync('/usr/bin/python3', [path.join(__dirname, 'notes_read.py'), file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** The notes LibreOffice reads: the file converted to flat ODS, its annotations' texts. */
function libreOfficeNotes(file: string): string[] {
  const run = convertWithLibreOffice('fods', work, [file], 120_000);
  if (run.status !== 0) throw new Error(run.stderr);
  const fods = fs.readFileSync(file.replace(/\.xlsx$/, '.fods'), 'utf8');
  return [...fods.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) =>
    m[0].replace(/<dc:creator>[\s\S]*?<\/dc:creator>|<dc:date>[\s\S]*?<\/dc:date>/g, '').replace(/<text:line-break\/>|<\/text:p><text:p[^>]*>/g, '\n').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
}

describe('notes in the saved workbook', () => {
  it('every marked cell carries its findings’ messages and fixes, as WPS, LibreOffice and Excel read them', () => {
    const bytes = sample('dropout_ledger.xlsx');
    const report = checkWorkbook(readWorkbook(bytes), { referenceDate: '2026-03-18' });
    const file = new WorkbookFile(openPackage(bytes));
    const result = file.markFindings(report.findings);
    const want = noteTexts(report.findings);
    const cells = [...want.values()].reduce((n, l) => n + l.length, 0);
    expect(result).toEqual({ cells, notes: cells, withoutNote: 0 });

    const saved = write('marked.xlsx', file.toBytes());
    const read = openpyxlNotes(saved);
    for (const f of report.findings) {
      const text = read[f.sheet]?.[f.cell] ?? '';
      expect(text.startsWith(ui.mark.notePrefix)).toBe(true);
      expect(text).toContain(f.message);
      expect(text).toContain(f.fix);
    }
    expect(Object.values(read).reduce((n, s) => n + Object.keys(s).length, 0)).toBe(cells);

    const lo = libreOfficeNotes(saved);
    expect(lo).toHaveLength(cells);
    const first = report.findings[0]!;
    expect(lo.some((t) => t.includes(first.message) && t.includes(first.fix))).toBe(true);

    // The very hidden sheet that remembers the replaced formats says what it is for.
    const hidden = openPackage(file.toBytes()).readGrid({ sheets: ['_baoxue_marks'] }).sheets[0]!;
    expect(hidden.rows[0]![6]).toBe(MARKS_SHEET_PURPOSE);

    // Marking again replaces the notes; clearing takes every part away: the file is the original.
    file.markFindings(report.findings.slice(0, 1));
    expect(Object.values(openpyxlNotes(write('again.xlsx', file.toBytes()))).flatMap((s) => Object.keys(s))).toEqual([first.cell]);
    file.clearMarks();
    const cleared = openPackage(file.toBytes());
    const original = openPackage(bytes);
    expect(cleared.readGrid()).toEqual(original.readGrid());
    const names = (b: Uint8Array) => readZipNames(b);
    expect(names(file.toBytes())).toEqual(names(bytes));
  });

  it('leaves a sheet with notes of its own alone, and counts its cells as without a note', () => {
    const bytes = sample('dropout_ledger.xlsx');
    const report = checkWorkbook(readWorkbook(bytes), { referenceDate: '2026-03-18' });
    const pkg = openPackage(bytes);
    const sheet = report.findings[0]!.sheet;
    expect(pkg.setNotes(sheet, [{ ref: 'A1', text: '用户自己的批注' }], '用户', '【别的】')).toBe(1);
    const file = new WorkbookFile(openPackage(pkg.toBytes()));
    const result = file.markFindings(report.findings.filter((f) => f.sheet === sheet));
    expect(result.notes).toBe(0);
    expect(result.withoutNote).toBe(result.cells);
    file.clearMarks();
    expect(openpyxlNotes(write('own.xlsx', file.toBytes()))[sheet]).toEqual({ A1: '用户自己的批注' });
  });
});

function readZipNames(bytes: Uint8Array): string[] {
  const file = write(`z${Math.random()}.xlsx`, bytes);
  const run = spawnSync('/usr/bin/python3', ['-c', 'import sys,zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))', file], { encoding: 'utf8' });
  return run.stdout.trim().split('\n');
}
