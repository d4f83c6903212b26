import fs from 'node:fs';
import path from 'node:path';
import { readWorkbook } from '../../../src/io/xlsx';
import { checkWorkbook } from '../../../src/core/check';

/**
 * The public sample workbooks of test/fixtures/rules (written by openpyxl, make_samples.py) and
 * their key: every planted fault found at its row and column by its rule, and no error on a
 * row that is right (合计 rows, notes inside the table, slices of the county list …).
 */
const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
interface Expected { sheet: string; row: number; column?: string; rule: string }
interface Entry { expect: Expected[]; clean: Record<string, number[]>; reference_date?: string }
const KEY = JSON.parse(fs.readFileSync(path.join(DIR, 'key.json'), 'utf8')) as Record<string, Entry>;

describe.each(Object.entries(KEY))('%s', (file, entry) => {
  const report = checkWorkbook(readWorkbook(new Uint8Array(fs.readFileSync(path.join(DIR, file)))), {
    referenceDate: entry.reference_date ?? '2026-10-01',
  });
  it.each(entry.expect.map((e) => [`${e.sheet}!${e.row} ${e.rule}`, e] as const))('finds %s', (_, e) => {
    const hit = report.findings.find((f) => f.sheet === e.sheet && f.row === e.row && f.rule === e.rule);
    expect(hit).toBeDefined();
    if (e.column) expect(hit!.column.replace(/[\s（(].*$/, '')).toBe(e.column);
  });
  it('raises no error on the rows that are right, and no error the key does not plant', () => {
    const planted = new Set(entry.expect.map((e) => `${e.sheet}!${e.row}`));
    const errors = report.findings.filter((f) => f.severity === 'error');
    for (const [sheet, rows] of Object.entries(entry.clean)) {
      expect(errors.filter((f) => f.sheet === sheet && rows.includes(f.row)).map((f) => `${f.row} ${f.rule}`)).toEqual([]);
    }
    expect(errors.filter((f) => !planted.has(`${f.sheet}!${f.row}`)).map((f) => `${f.sheet}!${f.row} ${f.rule}`)).toEqual([]);
  });
});
