import type { CellValue } from '../../../src/core/model/cell';
import type { ColumnKey } from '../../../src/core/tables/schema';
import type { Issue, RowView } from '../../../src/core/rules/types';
import { serialRules } from '../../../src/core/rules/serial';
import { keyOfSlot } from '../../../src/core/find/columnSlot';
import { a1 } from '../../../src/core/model/address';
import { contextOf } from './rowFixture';
import { viewList } from '../../../src/core/find/rowView';

interface Cells {
  serial: CellValue;
  section?: number;
  source?: string;
}

/** Rows of 原始序号 (and 来源 when any row has one) on Excel rows 3, 4, 5 …, each in its section. */
function views(rows: Cells[], key: ColumnKey): RowView[] {
  const withSource = rows.some((r) => r.source !== undefined);
  return rows.map((r, i) => {
    const get = (k: ColumnKey): CellValue | undefined => (k === key ? r.serial : k === 'source' && withSource ? (r.source ?? null) : undefined);
    return {
      row: i + 2,
      section: r.section ?? 0,
      get,
      valueAt: (s) => {
        const k = keyOfSlot(s);
        return k === undefined ? undefined : get(k);
      },
      has: (k) => get(k) !== undefined,
      cellOf: (k) => a1(i + 2, k === key ? 0 : 1),
      rowOf: () => i + 3,
    };
  });
}

type Found = [string, number, Issue['params']];

/** The column's label in 附件4, which has 原始序号 and no 序号. */
const label = (key: ColumnKey) => (key === 'originalSerial' ? '原始序号' : key);

/** What the rules find; `fed`: each row handed over first, as the check's row loop does (TableRule.row). */
function found(rows: Cells[], key: ColumnKey = 'originalSerial', fed = false): Found[] {
  const vs = views(rows, key);
  const ctx = contextOf('wafangdian-individual', vs[0]!);
  const out: Found[] = [];
  if (fed) vs.forEach((v, i) => { for (const rule of serialRules.table) rule.row?.(v, ctx, i); });
  for (const rule of serialRules.table) rule.check(viewList(vs), ctx, (i) => out.push([i.rule, i.view!.rowOf(i.key), i.params]));
  return out;
}

/**
 * The rules as written, row by row, with nothing skipped: each run (来源, and a restart at 1 after
 * a section) remembers every number it has seen and the one before.
 */
function reference(rows: Cells[], key: ColumnKey = 'originalSerial'): Found[] {
  const out: Found[] = [];
  const column = label(key);
  const runs = new Map<string, { seen: Map<number, number>; previous: number | null }>();
  let section = 0;
  let restart = 0;
  const integer = (v: CellValue): number | null => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : null;
    const t = String(v ?? '').normalize('NFKC').trim();
    return /^\d+$/.test(t) ? Number(t) : null;
  };
  rows.forEach((r, i) => {
    const excelRow = i + 3;
    if ((r.section ?? 0) !== section) {
      section = r.section ?? 0;
      if (integer(r.serial) === 1) restart++;
    }
    const id = `${key === 'originalSerial' ? (r.source ?? '').trim() : ''}|${restart}`;
    if (!runs.has(id)) runs.set(id, { seen: new Map(), previous: key === 'originalSerial' ? null : 0 });
    const run = runs.get(id)!;
    if (r.serial === null || (typeof r.serial === 'string' && r.serial.trim() === '')) return;
    const n = integer(r.serial);
    if (n === null) return void out.push(['serial.not-number', excelRow, { column, value: String(r.serial).slice(0, 20) }]);
    const previous = run.previous ?? n - 1;
    const first = run.seen.get(n);
    if (first !== undefined) out.push(['serial.repeat', excelRow, { column, value: n, row: first }]);
    else if (n > previous + 1) out.push(['serial.gap', excelRow, { column, missing: previous + 1 === n - 1 ? `${n - 1}` : `${previous + 1}–${n - 1}` }]);
    else if (n < previous) out.push(['serial.order', excelRow, { column, value: n, previous }]);
    if (first === undefined) run.seen.set(n, excelRow);
    run.previous = Math.max(previous, n);
  });
  return out;
}

describe('serial.', () => {
  test('a clean run, from 1 or from a town slice\'s 1047, finds nothing', () => {
    expect(found([1, 2, 3, 4].map((serial) => ({ serial })))).toEqual([]);
    expect(found([1047, 1048, 1049].map((serial) => ({ serial })))).toEqual([]);
  });

  test('repeats name the first row, also after the numbers stopped climbing', () => {
    expect(found([1, 2, 3, 2, 4, 3, 5, 1].map((serial) => ({ serial })))).toEqual([
      ['serial.repeat', 6, { column: '原始序号', value: 2, row: 4 }],
      ['serial.repeat', 8, { column: '原始序号', value: 3, row: 5 }],
      ['serial.repeat', 10, { column: '原始序号', value: 1, row: 3 }],
    ]);
  });

  test('gaps, order, text numbers and cells that are not numbers', () => {
    const rows: Cells[] = [{ serial: '1' }, { serial: ' 2' }, { serial: '３' }, { serial: 6 }, { serial: 5 }, { serial: 'x' }, { serial: 2.5 }, { serial: null }, { serial: '  ' }, { serial: 7 }];
    expect(found(rows)).toEqual([
      ['serial.gap', 6, { column: '原始序号', missing: '4–5' }],
      ['serial.order', 7, { column: '原始序号', value: 5, previous: 6 }],
      ['serial.not-number', 8, { column: '原始序号', value: 'x' }],
      ['serial.not-number', 9, { column: '原始序号', value: '2.5' }],
    ]);
  });

  test('序号 counts from 1; 原始序号 from its first number', () => {
    expect(found([{ serial: 3 }, { serial: 4 }], 'serial')).toEqual([['serial.gap', 3, { column: label('serial'), missing: '1–2' }]]);
    expect(found([{ serial: 3 }, { serial: 4 }])).toEqual([]);
  });

  test('a section starting again at 1 is its own run; one that goes on is judged with the one before', () => {
    expect(found([{ serial: 1 }, { serial: 2 }, { serial: 1, section: 1 }, { serial: 2, section: 1 }])).toEqual([]);
    expect(found([{ serial: 1 }, { serial: 2 }, { serial: 4, section: 1 }, { serial: 2, section: 1 }])).toEqual([
      ['serial.gap', 5, { column: '原始序号', missing: '3' }],
      ['serial.repeat', 6, { column: '原始序号', value: 2, row: 4 }],
    ]);
  });

  test('each 来源 keeps its own numbers, even when their rows interleave', () => {
    const rows: Cells[] = [{ serial: 1047, source: 'A' }, { serial: 12, source: 'B' }, { serial: 1048, source: 'A ' }, { serial: 12, source: 'B' }, { serial: 14, source: 'B' }];
    expect(found(rows)).toEqual([
      ['serial.repeat', 6, { column: '原始序号', value: 12, row: 4 }],
      ['serial.gap', 7, { column: '原始序号', missing: '13' }],
    ]);
  });

  test('agrees with the rules read row by row on random columns', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 200; t++) {
      const rows: Cells[] = [];
      let n = Math.floor(random() * 3);
      let section = 0;
      for (let i = 0; i < 40; i++) {
        const p = random();
        if (p < 0.05) section++;
        if (p < 0.08) n = 1;
        else if (p < 0.75) n++;
        else if (p < 0.85) n += Math.floor(random() * 4) - 2;
        const serial: CellValue = p > 0.97 ? null : p > 0.95 ? '不详' : p > 0.92 ? String(n) : p > 0.9 ? -n : n;
        rows.push({ serial, section, source: t % 2 === 0 ? undefined : ['甲', '乙', '丙'][Math.floor(random() * 3)] });
      }
      expect(found(rows)).toEqual(reference(rows));
      expect(found(rows, 'serial')).toEqual(reference(rows, 'serial'));
      expect(found(rows, 'originalSerial', true)).toEqual(reference(rows));
    }
  });
});
