/**
 * The armed formulas against the rules they mirror, in a real spreadsheet engine: every input
 * of the rules' own unit tests goes into one workbook (written by openpyxl), each armed rule's
 * formula beside it, LibreOffice recalculates once, and its verdict must equal the core's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CellValue } from '../../src/core/model/cell';
import { isBlank } from '../../src/core/model/cell';
import type { ColumnDef, ColumnKey } from '../../src/core/tables/schema';
import type { Issue } from '../../src/core/rules/types';
import { ROW_RULES } from '../../src/core/rules';
import { tableById } from '../../src/core/tables';
import { ARM_NAMES, compileTable } from '../../src/core/arm';
import { contextOf, rowOf } from '../core/rules/rowFixture';
import { ARM_CASES, type ArmCase } from './cases';

const PYTHON = '/usr/bin/python3';
const HAS_LO = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const HAS_OPENPYXL = spawnSync(PYTHON, ['-c', 'import openpyxl, uno'], { stdio: 'ignore' }).status === 0;
const itWithEngine = HAS_LO && HAS_OPENPYXL ? it : it.skip;

/** Formula columns start here, right of any case's inputs. */
const FIRST_FORMULA_COL = 40;

interface Probe {
  caseIndex: number;
  what: string;
  key: ColumnKey;
  col: number;
  /** The core's verdict: the rule faults this cell. */
  expected: boolean;
}

function columnsOf(c: ArmCase): ColumnDef[] {
  const t = tableById(c.table)!;
  const all = t.kind === 'ledger' ? t.columns : t.kind === 'form' ? t.fields : [];
  return all.filter((d) => d.key in c.cells);
}

/** Issues of every row rule; a row with nothing in it is no data row (the finder skips it). */
function coreIssues(c: ArmCase): Issue[] {
  const row = rowOf(c.cells);
  const keys = Object.keys(c.cells) as ColumnKey[];
  if (keys.every((k) => k === 'serial' || k === 'originalSerial' || isBlank(c.cells[k]))) return [];
  const ctx = contextOf(c.table, row, { referenceDate: c.referenceDate, settings: c.settings });
  const out: Issue[] = [];
  for (const rule of ROW_RULES) rule.check(row, ctx, (i) => out.push(i));
  return out;
}

function jsonValue(v: CellValue): unknown {
  if (v !== null && typeof v === 'object' && v.t === 'date') return { date: v.serial };
  return v;
}

function buildSpec() {
  const probes: Probe[] = [];
  const rows = ARM_CASES.map((c, i) => {
    const keys = Object.keys(c.cells) as ColumnKey[];
    const columns = new Map(keys.map((k, col) => [k, col]));
    const table = tableById(c.table)!;
    const plan = compileTable(
      { columns, defs: columnsOf(c), firstRow: i, lastRow: i },
      { settings: { ...table.settings, ...c.settings }, referenceDate: c.referenceDate },
    );
    const issues = coreIssues(c);
    const faulted = (key: ColumnKey, rules: readonly string[]) => issues.some((x) => x.key === key && rules.includes(x.rule));
    const formulas: [number, string][] = [];
    let col = FIRST_FORMULA_COL;
    for (const check of plan.checks) {
      probes.push({ caseIndex: i, what: `format ${check.id}`, key: check.key, col, expected: faulted(check.key, check.rules) });
      formulas.push([col++, check.formula]);
    }
    for (const v of plan.validations) {
      if (v.type !== 'custom' || isBlank(c.cells[v.key])) continue;
      // A validation judges a typed value: refused exactly when some armed rule faults the cell.
      const rules = plan.checks.filter((k) => k.key === v.key).flatMap((k) => k.rules);
      probes.push({ caseIndex: i, what: 'validation', key: v.key, col, expected: faulted(v.key, rules) });
      formulas.push([col++, `NOT(IFERROR(${v.formula},FALSE))`]);
    }
    const cells = keys.filter((k) => c.cells[k] !== null && c.cells[k] !== undefined).map((k) => [columns.get(k)!, jsonValue(c.cells[k]!)]);
    return { cells, formulas };
  });
  return { spec: { names: ARM_NAMES, rows }, probes };
}

describe('armed rules agree with the core rules in LibreOffice', () => {
  itWithEngine('every armed formula gives the core verdict on every input of the rules’ unit tests', () => {
    const { spec, probes } = buildSpec();
    expect(probes.length).toBeGreaterThan(150);
    // Both verdicts occur, so the comparison can fail either way.
    expect(probes.some((p) => p.expected)).toBe(true);
    expect(probes.some((p) => !p.expected)).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-arm-'));
    try {
      const file = path.join(dir, 'cases.xlsx');
      const built = spawnSync(PYTHON, ['-W', 'ignore', path.join(__dirname, 'build_book.py'), file], { input: JSON.stringify(spec), encoding: 'utf8' });
      expect(built.stderr).toBe('');
      const run = spawnSync(PYTHON, [path.join(__dirname, 'lo_eval.py'), file], { encoding: 'utf8', timeout: 180_000 });
      const out = JSON.parse(run.stdout) as { sheets: Record<string, unknown[][]> };
      const grid = out.sheets.cases!;
      const disagreements = probes
        .map((p) => {
          const got = grid[p.caseIndex]?.[p.col];
          const engine = got === 1 || got === true;
          const valid = got === 0 || got === 1 || typeof got === 'boolean';
          return valid && engine === p.expected
            ? null
            : `${ARM_CASES[p.caseIndex]!.table} ${JSON.stringify(ARM_CASES[p.caseIndex]!.cells[p.key])} ${p.what}: core ${p.expected}, LibreOffice ${JSON.stringify(got)}`;
        })
        .filter((d): d is string => d !== null);
      expect(disagreements).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
