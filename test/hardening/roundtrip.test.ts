import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPackage } from '../../src/io/xlsx';
import { checkWorkbook } from '../../src/core/check';
import { fillTotals } from '../../src/pane/fillTotals';
import { WorkbookFile } from '../../src/browser/workbookFile';
import { a1, parseRange, type RangeRef } from '../../src/core/model/address';
import { cellsOf, mergesOf, rawWorkbook, rowsOf, validationsOf, type RawValidation } from './xlsxParts';
import { baoxue, buildCliOnce, ROOT, tempFiles } from './cli';

/**
 * Nothing lost: a round trip through everything that writes (check, mark every finding, clear
 * the marks, fill the totals, save) keeps every cell, format, merge, validation, sheet and name
 * of each sample, but for the totals cells that were asked for.
 */

const SAMPLES = path.join(ROOT, '..', 'shared', 'samples');
const SAMPLE_FILES = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();

interface Trip {
  before: Uint8Array;
  after: Uint8Array;
  /** Cells the totals fill wrote, as sheet → addresses; sheets it added. */
  written: Map<string, Set<string>>;
  added: string[];
  marked: number;
}

/** open → check → mark → (save and reopen, when `reopen`) → clear → fill → save, as the browser page does it. */
function roundTrip(before: Uint8Array, reopen: boolean): Trip {
  let file = new WorkbookFile(openPackage(before));
  const grid = file.readWorkbook();
  const report = checkWorkbook(grid, { referenceDate: '2026-09-01' });
  const marked = file.markFindings(report.findings).cells;
  if (reopen) file = new WorkbookFile(openPackage(file.toBytes()));
  file.clearMarks();
  const written = new Map<string, Set<string>>();
  const added: string[] = [];
  for (const o of fillTotals(file.readWorkbook())) {
    if (o.kind === 'cells') {
      file.writeCells(o.sheet, o.cells);
      const cells = written.get(o.sheet) ?? new Set<string>();
      for (const c of o.cells) cells.add(a1(c.row, c.col));
      written.set(o.sheet, cells);
    } else {
      file.addSheet(o.newSheet);
      added.push(o.newSheet.name);
    }
  }
  return { before, after: file.toBytes(), written, added, marked };
}

const overlaps = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Pairs of validations of one sheet that cover a common cell (exceljs 4.4 makes such pairs). */
function overlapping(validations: RawValidation[]): string[] {
  const ranges = validations.map((v) => v.sqref.split(/\s+/).map((r) => parseRange(r)!));
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (ranges[i]!.some((a) => ranges[j]!.some((b) => overlaps(a, b)))) out.push(`${validations[i]!.sqref} / ${validations[j]!.sqref}`);
    }
  }
  return out;
}

const byRange = (a: RawValidation, b: RawValidation) => a.sqref.localeCompare(b.sqref) || Number(a.x14) - Number(b.x14);

describe.each(SAMPLE_FILES)('%s', (name) => {
  describe.each([
    ['in one session', false],
    ['saved with its marks and reopened before clearing them', true],
  ])('round trip %s', (_, reopen) => {
    const trip = roundTrip(new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))), reopen);
    const was = rawWorkbook(trip.before);
    const now = rawWorkbook(trip.after);

    it('marked something, so the comparison means something', () => {
      expect(trip.marked).toBeGreaterThan(0);
    });

    it('keeps the sheet list and every sheet state, adding only the totals sheets it was asked for', () => {
      expect(now.sheets.map((s) => [s.name, s.state])).toEqual([...was.sheets.map((s) => [s.name, s.state]), ...trip.added.map((n) => [n, 'visible'])]);
    });

    it('keeps every defined name, and every cell format the cells use', () => {
      expect(now.definedNames.filter((n) => !n.includes('_baoxue_added'))).toEqual(was.definedNames);
      expect(now.cellXfs.slice(0, was.cellXfs.length)).toEqual(was.cellXfs);
    });

    it.each(was.sheets.map((s) => [s.name]))('sheet %s: every cell (value and format) but the totals written, rows, merges and validations', (sheet) => {
      const a = was.sheets.find((s) => s.name === sheet)!.xml;
      const b = now.sheets.find((s) => s.name === sheet)!.xml;
      const written = trip.written.get(sheet) ?? new Set<string>();
      const [cellsA, cellsB] = [cellsOf(a), cellsOf(b)];
      for (const [ref, cell] of cellsA) if (!written.has(ref)) expect([ref, cellsB.get(ref)]).toEqual([ref, cell]);
      for (const ref of cellsB.keys()) if (!cellsA.has(ref)) expect(written.has(ref) ? ref : `added ${ref}`).toBe(ref);
      expect(rowsOf(b)).toEqual(rowsOf(a));
      expect(mergesOf(b)).toEqual(mergesOf(a));
      const [va, vb] = [validationsOf(a), validationsOf(b)];
      expect([...vb].sort(byRange)).toEqual([...va].sort(byRange));
      expect(overlapping(vb)).toEqual(overlapping(va));
    });

    it('wrote only totals cells', () => {
      for (const [sheet, cells] of trip.written) {
        const after = cellsOf(now.sheets.find((s) => s.name === sheet)!.xml);
        for (const ref of cells) expect(after.has(ref)).toBe(true);
      }
    });
  });
});

describe('the samples themselves', () => {
  it('wafangdian_x14.xlsx holds both kinds of validation, none overlapping another', () => {
    const sheet = rawWorkbook(new Uint8Array(fs.readFileSync(path.join(SAMPLES, 'wafangdian_x14.xlsx')))).sheets[0]!.xml;
    const v = validationsOf(sheet);
    expect(v.some((x) => x.x14) && v.some((x) => !x.x14)).toBe(true);
    expect(overlapping(v)).toEqual([]);
  });
});

describe('the command line never overwrites its input and writes OUT atomically', () => {
  let dir: string;
  const input = () => path.join(dir, 'school.xlsx');
  let original: Buffer;

  beforeAll(() => {
    buildCliOnce();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-noclobber-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    original = fs.readFileSync(path.join(SAMPLES, 'wafangdian.xlsx'));
    fs.writeFileSync(input(), original);
    fs.symlinkSync(input(), path.join(dir, 'link.xlsx'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'back'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const NOTICES = ['--unit', '城关第一小学', '--date', '2099-01-01'];
  const ways: [string, string, string][] = [
    ['the same relative path', 'school.xlsx', './school.xlsx'],
    ['a path through a subfolder', 'school.xlsx', 'sub/../school.xlsx'],
    ['a symlink to the input', 'school.xlsx', 'link.xlsx'],
    ['the input named through a symlink', 'link.xlsx', 'school.xlsx'],
    ['a symlinked folder', 'school.xlsx', 'sub/back/school.xlsx'],
  ];

  describe.each(['fill', 'merge', 'notices'])('%s', (command) => {
    it.each(ways)('-o naming the input by %s: exit 2, input unchanged byte for byte', (_, from, to) => {
      const r = baoxue(dir, [command, from, '-o', to, ...(command === 'notices' ? NOTICES : [])], 120_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('不能与输入文件相同');
      expect(fs.readFileSync(input()).equals(original)).toBe(true);
      expect(fs.lstatSync(path.join(dir, 'link.xlsx')).isSymbolicLink()).toBe(true);
      expect(tempFiles(dir)).toEqual([]);
    });
  });

  it('replaces an existing OUT by renaming a complete new file over it, leaving no temporary file', () => {
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'an older result');
    const inode = fs.statSync(out).ino;
    expect(baoxue(dir, ['fill', 'school.xlsx', '-o', 'out.xlsx'], 120_000).code).toBe(0);
    expect(fs.statSync(out).ino).not.toBe(inode);
    expect(openPackage(new Uint8Array(fs.readFileSync(out))).sheets().map((s) => s.name)).toEqual(['附件4', '附件5']);
    expect(tempFiles(dir)).toEqual([]);
  });

  it.each(['fill', 'merge'])('%s: a write that fails (OUT is a folder) leaves no temporary file and no partial OUT', (command) => {
    const out = path.join(dir, `${command}-folder.xlsx`);
    fs.mkdirSync(out);
    const r = baoxue(dir, [command, 'school.xlsx', '-o', out], 120_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(tempFiles(dir)).toEqual([]);
    expect(fs.readFileSync(input()).equals(original)).toBe(true);
  });
});
