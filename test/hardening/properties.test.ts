import fc from 'fast-check';
import type { CellValue } from '../../src/core/model/cell';
import type { SheetGrid, WorkbookGrid } from '../../src/core/model/workbook';
import type { FormDef, LedgerDef, TableDef } from '../../src/core/tables/schema';
import type { Issue, RowView, RuleContext } from '../../src/core/rules/types';
import type { SheetSpec } from '../../src/io/xlsx/spec';
import { CATALOGUE } from '../../src/core/tables';
import { ROW_RULES, TABLE_RULES } from '../../src/core/rules';
import { checkWorkbook, toFinding } from '../../src/core/check';
import { recognise, type BoundLedger, type BoundForm } from '../../src/core/find/recognise';
import { ledgerSheet } from '../../src/templates/ledger';
import { formSheet } from '../../src/templates/form';
import { FORM_LAYOUTS } from '../../src/templates/formLayout';
import { DropdownLists } from '../../src/templates/layout';
import { withCheckDigit } from '../helpers/grid';
import { viewList } from '../../src/core/find/rowView';

/**
 * Random cell values, fed to every rule and to the table finder: they must never throw,
 * whatever a clerk (or a broken export) puts in a cell.
 */

const LEDGERS = CATALOGUE.filter((d): d is LedgerDef => d.kind === 'ledger');
const FORMS = CATALOGUE.filter((d): d is FormDef => d.kind === 'form');
const RUNS = { numRuns: 60 };
const REFERENCE_DATE = '2026-09-01';

/** Text that looks like what the official tables hold: list items, ids, dates, records. */
function tableWords(def: TableDef): string[] {
  const columns = def.kind === 'ledger' ? def.columns : def.kind === 'form' ? def.fields : [];
  return columns.flatMap((c) => [c.label, ...(c.list ?? []), ...Object.keys(c.listAliases ?? {})]);
}

const FULL_WIDTH = fc.string({ unit: fc.constantFrom('０', '１', '９', 'Ｘ', '　', '，', '．', '－', '（', '）', '年', '月', '日', '是', '否', '男', '女') });
const CONTROL = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)) });
const HUGE = fc.tuple(fc.constantFrom('身', '1', ' ', '\n', 'Ｘ'), fc.integer({ min: 1000, max: 32767 })).map(([ch, n]) => ch.repeat(n));
const ID_LIKE = fc.oneof(
  fc.stringMatching(/^\d{17}[\dXx]$/),
  fc.stringMatching(/^\d{15}$/),
  fc.tuple(fc.constantFrom('210281', '450102', '360704', '000000', '999999'), fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), fc.integer({ min: 0, max: 999 })).map(
    ([region, d, seq]) => withCheckDigit(`${region}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`),
  ),
);
const DATE_TEXT = fc
  .tuple(fc.integer({ min: 1800, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('-', '/', '.', '年', ''))
  .map(([y, m, d, sep]) => (sep === '年' ? `${y}年${m}月${d}日` : [y, m, d].join(sep)));
const ATTEMPT = fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('王老师', '村干部', '', '网格员孙某'), fc.constantFrom('入户', '电话', '', '家长同意返校', '学生仍不愿返校'));
const RECORD = fc
  .tuple(fc.array(ATTEMPT, { maxLength: 8 }), fc.constantFrom('\n', '；', ' '))
  .map(([xs, sep]) => xs.map(([m, d, who, what], i) => `${i + 1}.${m}月${d}日${who}${what}`).join(sep));

function cellValue(words: string[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    FULL_WIDTH,
    CONTROL,
    HUGE,
    ID_LIKE,
    DATE_TEXT,
    RECORD,
    fc.constantFrom(...words),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 2.10281200605011e17, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.integer(),
    fc.boolean(),
    fc.double().map((serial) => ({ t: 'date' as const, serial })),
    fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#NOCACHE').map((code) => ({ t: 'error' as const, code })),
  );
}

/** A row with holes (a sparse array), as readers give for rows with gaps. */
function row(words: string[], width: number): fc.Arbitrary<CellValue[]> {
  return fc.sparseArray(cellValue(words), { maxLength: width + 3, noTrailingHole: false }) as fc.Arbitrary<CellValue[]>;
}

function gridOf(spec: SheetSpec): SheetGrid {
  const rows: CellValue[][] = [];
  for (const c of spec.cells) {
    while (rows.length <= c.row) rows.push([]);
    rows[c.row]![c.col] = c.value;
  }
  return { name: spec.name, rows, ...(spec.merges ? { merges: spec.merges } : {}) };
}

/** The official template of a ledger, its rows (after the header) replaced by `body`. */
function ledgerGrid(def: LedgerDef, body: CellValue[][]): SheetGrid {
  const template = gridOf(ledgerSheet(def, '表', new DropdownLists()));
  const bound = recognise({ sheets: [template] }, [def]).tables[0] as BoundLedger;
  return { ...template, rows: [...template.rows.slice(0, bound.match.headerEnd + 1), ...body] };
}

/** The official form, its value cells holding `values` (one per cell, in layout order). */
function formGrid(def: FormDef, values: CellValue[]): SheetGrid {
  const grid = gridOf(formSheet(def, '表', new DropdownLists()));
  const top = def.preamble.length ? 2 : 1;
  let k = 0;
  FORM_LAYOUTS[def.id]!.rows.forEach((line, i) => {
    for (const place of line.fields) {
      for (let c = place.value[0]; c <= place.value[1]; c++) grid.rows[top + i]![c] = values[k++ % values.length] ?? null;
    }
  });
  return grid;
}

function contextOf(def: LedgerDef | FormDef, columns: RuleContext['columns'], sheet: string): RuleContext {
  return { table: def, columns, settings: def.settings, referenceDate: REFERENCE_DATE, sheet };
}

/**
 * Every row rule and table rule on its own, each issue rendered into a finding (its Chinese
 * text), so a rule that throws is named in the failure.
 */
function runEveryRule(views: readonly RowView[], ctx: RuleContext): void {
  const render = (view: RowView | undefined) => (issue: Issue) => {
    toFinding(issue, view, ctx.sheet, (key) => key);
  };
  for (const rule of ROW_RULES) {
    for (const view of views) {
      try {
        rule.check(view, ctx, render(view));
      } catch (e) {
        throw new Error(`row rule ${rule.id} threw on row ${view.row + 1} of ${ctx.table.id}: ${String(e)}`);
      }
    }
  }
  for (const rule of TABLE_RULES) {
    try {
      rule.check(viewList(views), ctx, render(undefined));
    } catch (e) {
      throw new Error(`table rule ${rule.id} threw on ${ctx.table.id}: ${String(e)}`);
    }
  }
}

describe.each(LEDGERS.map((d) => [d.id, d] as const))('ledger %s: random rows', (_, def) => {
  const words = tableWords(def);
  const width = def.columns.length;
  const body = fc.array(row(words, width), { maxLength: 25 });

  it('every row and table rule, one by one, never throws', () => {
    fc.assert(
      fc.property(body, (rows) => {
        const bound = recognise({ sheets: [ledgerGrid(def, rows)] }, [def]).tables[0] as BoundLedger;
        const columns = def.columns.filter((c) => bound.match.columns.has(c.key));
        runEveryRule(bound.views, contextOf(def, columns, bound.sheet.name));
      }),
      RUNS,
    );
  });

  it('the engine (finder, rules, totals) never throws', () => {
    fc.assert(
      fc.property(body, (rows) => {
        checkWorkbook({ sheets: [ledgerGrid(def, rows)] }, { referenceDate: REFERENCE_DATE });
      }),
      RUNS,
    );
  });

  it('merged ranges anywhere, up to one over the whole sheet (a crafted file), never throw', () => {
    const merges = fc.array(
      fc.oneof(
        fc.constant({ top: 0, left: 0, bottom: 1048575, right: 16383 }),
        fc.tuple(fc.nat(30), fc.nat(def.columns.length), fc.nat(30), fc.nat(3)).map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(body, merges, (rows, ms) => {
        checkWorkbook({ sheets: [{ ...ledgerGrid(def, rows), merges: ms }] }, { referenceDate: REFERENCE_DATE });
      }),
      RUNS,
    );
  });
});

describe.each(FORMS.map((d) => [d.id, d] as const))('form %s: random fields', (_, def) => {
  const values = fc.array(cellValue(tableWords(def)), { minLength: 1, maxLength: 60 });

  it('every row and table rule never throws', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const bound = recognise({ sheets: [formGrid(def, vs)] }, [def]).tables.find((t): t is BoundForm => t.kind === 'form');
        if (bound) runEveryRule(bound.views, contextOf(def, def.fields, bound.sheet.name));
        checkWorkbook({ sheets: [formGrid(def, vs)] }, { referenceDate: REFERENCE_DATE });
      }),
      RUNS,
    );
  });

  it('the form is still found whatever its fields hold', () => {
    fc.assert(
      fc.property(values, (vs) => {
        expect(recognise({ sheets: [formGrid(def, vs)] }, [def]).tables.map((t) => t.kind)).toEqual(['form']);
      }),
      RUNS,
    );
  });
});

describe('the table finder on random grids', () => {
  const words = [...new Set(CATALOGUE.flatMap(tableWords)), ...CATALOGUE.map((d) => d.title)];
  const grid: fc.Arbitrary<WorkbookGrid> = fc
    .array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 31 }),
        rows: fc.array(row(words, 14), { maxLength: 40 }),
        hidden: fc.boolean(),
        merges: fc.array(fc.tuple(fc.nat(50), fc.nat(20), fc.nat(50), fc.nat(20)).map(([a, b, c, d]) => ({ top: a, left: b, bottom: a + c, right: b + d })), { maxLength: 4 }),
      }),
      { maxLength: 4 },
    )
    .map((sheets) => ({ sheets }));

  it('recognise never throws', () => {
    fc.assert(fc.property(grid, (g) => void recognise(g)), { numRuns: 300 });
  });

  it('the whole check never throws', () => {
    fc.assert(fc.property(grid, (g) => void checkWorkbook(g, { referenceDate: REFERENCE_DATE })), { numRuns: 150 });
  });

  it('header rows of real tables among random rows: recognise and check never throw', () => {
    const headers = LEDGERS.map((d) => d.columns.map((c) => c.label));
    const mixed = fc
      .tuple(fc.array(row(words, 14), { maxLength: 10 }), fc.constantFrom(...headers), fc.array(row(words, 14), { maxLength: 30 }), fc.nat(3))
      .map(([above, header, below, shift]) => ({ sheets: [{ name: '表', rows: [...above, [...new Array<CellValue>(shift).fill(null), ...header], ...below] }] }));
    fc.assert(fc.property(mixed, (g) => void checkWorkbook(g, { referenceDate: REFERENCE_DATE })), RUNS);
  });
});
