import { LEDGERS } from '../../src/core/tables';
import { compileTable, MAX_VALIDATION_FORMULA } from '../../src/core/arm';
import type { ArmPlan } from '../../src/core/arm';
import type { LedgerDef } from '../../src/core/tables/schema';

/** Functions Excel 2010, WPS and LibreOffice all have and evaluate alike (no dynamic arrays, no LET/LAMBDA). */
const PORTABLE = new Set([
  'AND', 'OR', 'NOT', 'IF', 'IFERROR', 'ISTEXT', 'ISNUMBER', 'LEN', 'EXACT', 'RIGHT', 'LEFT', 'MID', 'MOD', 'SUMPRODUCT',
  'TEXT', 'DATE', 'YEAR', 'MONTH', 'EDATE', 'MIN', 'MAX', 'TODAY', 'TRIM', 'SUBSTITUTE', 'REPT', 'REPLACE', 'ABS', 'FIND', 'N',
]);

function planOf(def: LedgerDef, referenceDate?: string, firstRow = 4): ArmPlan {
  const columns = new Map(def.columns.map((c, i) => [c.key, i]));
  return compileTable({ columns, defs: def.columns, firstRow, lastRow: firstRow + 99 }, { settings: def.settings, referenceDate });
}

const formulasOf = (p: ArmPlan) => [...p.checks.map((c) => c.formula), ...p.validations.flatMap((v) => [v.formula, v.formula2 ?? ''])];

describe.each(LEDGERS.map((d) => [d.id, d] as const))('armed rules of %s', (_id, def) => {
  test.each([undefined, '2026-03-01'])('stay inside Excel’s limits and portable functions (reference date %s)', (ref) => {
    // A header far down the sheet makes references longer: validations must still fit.
    for (const p of [planOf(def, ref), planOf(def, ref, 9998)]) {
      for (const v of p.validations) expect(v.formula.length).toBeLessThanOrEqual(MAX_VALIDATION_FORMULA);
      for (const f of formulasOf(p)) {
        expect(f.length).toBeLessThanOrEqual(8192);
        expect(f).not.toMatch(/\{/); // array constants are refused in validations and conditional formats
        const functions = [...f.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!);
        for (const fn of functions) expect(PORTABLE).toContain(fn);
        if (ref) expect(f).not.toContain('TODAY()');
      }
    }
  });

  test('a 身份证号 column gets one validation that carries the table’s range', () => {
    const p = planOf(def);
    if (!def.columns.some((c) => c.type === 'idcard')) return;
    const id = p.validations.filter((v) => v.key === 'idcard');
    expect(id).toHaveLength(1);
    expect(id[0]!.type).toBe('custom');
    const { ageMin, birthTo } = def.settings;
    if (ageMin !== undefined) expect(id[0]!.formula).toContain(`YEAR(TODAY())-${ageMin}`);
    if (birthTo) expect(id[0]!.formula).toContain(`DATE(${birthTo.split('-').map(Number).join(',')})`);
    expect(p.checks.some((c) => c.id === 'idcard-range')).toBe(ageMin !== undefined || birthTo !== undefined);
  });

  test('every rule is relative to the first row, columns fixed', () => {
    for (const c of planOf(def, undefined, 6).checks) {
      expect(c.sqref).toMatch(/^[A-Z]+7:[A-Z]+106$/);
      expect(c.formula).toMatch(/\$[A-Z]+7\b/);
      expect(c.formula).not.toMatch(/\$[A-Z]+(?!7\b)\d+/);
    }
  });
});

test('nothing to arm on an empty placement', () => {
  const def = LEDGERS[0]!;
  const p = compileTable({ columns: new Map(), defs: [], firstRow: 4, lastRow: 3 }, { settings: def.settings });
  expect(p.checks).toEqual([]);
  expect(p.validations).toEqual([]);
});
