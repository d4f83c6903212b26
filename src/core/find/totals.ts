import type { SheetGrid } from '../model/workbook';
import type { TotalsDef } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';
import { normaliseHeader } from './normalise';
import { HEADER_SCAN_ROWS, headerTexts, type RowTexts } from './ledger';

export interface TotalsMatch {
  def: TotalsDef;
  headerRow: number;
  headerEnd: number;
  /** groupBy role → column */
  groupColumns: Map<string, number>;
  /** measure id → column */
  measureColumns: Map<string, number>;
  /** Rows of the totals body: one per 地市/区县, and the 总计 row. */
  rows: number[];
  totalRow: number | null;
  score: number;
}

const END = /^(备注[:：]|填表说明|说明[:：]|注[:：]|单位[:：]|填报人)/;

/**
 * Finds a totals table (two-row header with group cells such as 核减项 over A类…H类) by
 * reading each column's text in the header row and the row below it. `texts`: the sheet's headerTexts.
 */
export function findTotalsTable(sheet: SheetGrid, def: TotalsDef, texts: readonly RowTexts[] = headerTexts(sheet)): TotalsMatch | null {
  let best: TotalsMatch | null = null;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  const groupLabels = def.groupBy.map((g) => normaliseHeader(g.label));
  for (let r = 0; r < last; r++) {
    const upper = texts[r]!.norm;
    const lower = texts[r + 1]!.norm;
    // Every group column must be there: a row pair without one is not this header (most rows).
    if (!groupLabels.every((l) => upper.includes(l) || lower.includes(l))) continue;
    const width = Math.max(upper.length, lower.length);
    const groupColumns = new Map<string, number>();
    const measureColumns = new Map<string, number>();
    let usedLower = false;
    for (let c = 0; c < width; c++) {
      for (const [text, isLower] of [[upper[c] ?? '', false], [lower[c] ?? '', true]] as const) {
        if (!text) continue;
        const g = def.groupBy.find((g) => normaliseHeader(g.label) === text && !groupColumns.has(g.key));
        if (g) {
          groupColumns.set(g.key, c);
          break;
        }
        const m = def.measures.find(
          (m) => !measureColumns.has(m.id) && [m.label, ...m.aliases].some((l) => normaliseHeader(l) === text),
        );
        if (m) {
          measureColumns.set(m.id, c);
          if (isLower) usedLower = true;
          break;
        }
      }
    }
    if (groupColumns.size < def.groupBy.length || measureColumns.size < def.measures.length * 0.6) continue;
    const score = groupColumns.size + measureColumns.size;
    if (best && score <= best.score) continue;
    const headerEnd = usedLower ? r + 1 : r;
    const rows: number[] = [];
    let totalRow: number | null = null;
    const totalText = normaliseHeader(def.totalLabel);
    for (let rr = headerEnd + 1; rr < sheet.rows.length; rr++) {
      const row = sheet.rows[rr] ?? [];
      const first = Array.from(row, (v) => cellText(v).trim()).find((t) => t !== '') ?? '';
      if (END.test(first)) break;
      const groupCells = [...groupColumns.values()].map((c) => row[c]);
      if (groupCells.every((v) => isBlank(v))) continue;
      rows.push(rr);
      if (groupCells.some((v) => normaliseHeader(v ?? null) === totalText)) totalRow = rr;
    }
    best = { def, headerRow: r, headerEnd, groupColumns, measureColumns, rows, totalRow, score };
  }
  return best;
}
