import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CellValue } from '../../src/core/model/cell';
import type { SheetGrid } from '../../src/core/model/workbook';
import type { CellSpec } from '../../src/io/xlsx/spec';
import { createWorkbook } from '../../src/io/xlsx';
import { readWorkbookFile } from '../../src/io/readFile';
import { withCheckDigit } from '../helpers/grid';
import { baoxue, buildCliOnce, ROOT } from './cli';

/**
 * 002: the rows of an issued list (原始序号) must not be deleted, and only 核查结果, 复学情况 and
 * 备注 may change. A returned list built from the issued sample with one of each kind of edit.
 */

const ISSUED = path.join(ROOT, '..', 'shared', 'samples', 'wafangdian.xlsx');
const ISSUED_RULES = new Set(['serial.deleted', 'issued.changed', 'issued.added']);
const [SERIAL, ID, CHECK_RESULT] = [0, 6, 8];

interface Finding {
  rule: string;
  cell: string;
  column: string;
  message: string;
}

function specOf(sheet: SheetGrid): { name: string; cells: CellSpec[] } {
  const cells: CellSpec[] = [];
  sheet.rows.forEach((row, r) => row.forEach((value, col) => value !== null && value !== undefined && cells.push({ row: r, col, value })));
  return { name: sheet.name, cells };
}

let dir: string;
let issuedRows: CellValue[][];

beforeAll(async () => {
  buildCliOnce();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-issued-'));
  issuedRows = (await readWorkbookFile(ISSUED)).sheets[0]!.rows;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The issued workbook with its 附件4 rows edited by `edit`, written as the returned file. */
async function returned(name: string, edit: (rows: CellValue[][]) => CellValue[][]): Promise<string> {
  const grid = await readWorkbookFile(ISSUED);
  const sheets = grid.sheets.map((s, i) => specOf(i === 0 ? { ...s, rows: edit(s.rows.map((r) => [...r])) } : s));
  const file = path.join(dir, name);
  fs.writeFileSync(file, createWorkbook({ sheets }));
  return file;
}

function issuedFindings(file: string): Finding[] {
  const r = baoxue(dir, ['check', file, '--issued', ISSUED, '--json'], 120_000);
  expect([0, 1]).toContain(r.code);
  const doc = JSON.parse(r.stdout) as { files: { findings: Finding[] }[] };
  return doc.files[0]!.findings.filter((f) => ISSUED_RULES.has(f.rule));
}

/** The grid row (0-based) of the child with 原始序号 `n` in the issued list (the first, if repeated). */
const rowOfSerial = (n: number) => issuedRows.findIndex((r) => r[SERIAL] === n);

describe('check --issued', () => {
  it('the issued list compared with itself: nothing (its own repeated 原始序号 included)', async () => {
    expect(issuedRows.filter((r) => r[SERIAL] === 112)).toHaveLength(2);
    expect(issuedFindings(await returned('same.xlsx', (rows) => rows))).toEqual([]);
  });

  it('a deleted row, a changed 身份证, a changed 核查结果 and an added row: exactly the right findings', async () => {
    const deleted = rowOfSerial(10);
    const idChanged = rowOfSerial(20);
    const resultChanged = rowOfSerial(30);
    const lastChild = issuedRows.findIndex((r, i) => i > 2 && typeof r[SERIAL] !== 'number') - 1;
    const file = await returned('returned.xlsx', (rows) => {
      rows[idChanged]![ID] = withCheckDigit('21028120070101123');
      rows[resultChanged]![CHECK_RESULT] = rows[resultChanged]![CHECK_RESULT] === 'K.打工务农' ? 'B.在校有学籍' : 'K.打工务农';
      const added = [...rows[lastChild]!];
      added[SERIAL] = 999;
      added[ID] = withCheckDigit('21028120080808456');
      rows.splice(lastChild + 1, 0, added);
      rows.splice(deleted, 1);
      return rows;
    });
    // Rows below the deleted one moved up by one; the added row sits after the last child.
    const found = issuedFindings(file).map((f) => [f.rule, f.cell, f.column]);
    expect(found.sort()).toEqual(
      [
        ['serial.deleted', 'A2', '原始序号（不要删除）'],
        ['issued.changed', `G${idChanged}`, '身份证'],
        ['issued.added', `A${lastChild + 1}`, '原始序号（不要删除）'],
      ].sort(),
    );
    const deletedFinding = issuedFindings(file).find((f) => f.rule === 'serial.deleted')!;
    expect(deletedFinding.message).toContain(`第${deleted + 1}行`);
    expect(deletedFinding.message).toContain('10');
  });
});
