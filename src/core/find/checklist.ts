import type { SheetGrid } from '../model/workbook';
import type { ChecklistDef } from '../tables/schema';
import { cellText } from '../model/cell';
import { normaliseHeader } from './normalise';
import { HEADER_SCAN_ROWS } from './ledger';
import { rowKind } from './rowKind';

export interface ChecklistMatch {
  headerRow: number;
  /** Official column label → 0-based column. */
  columns: Map<string, number>;
  /** Rows holding an item (B2-1 …), 0-based, with the item's code. */
  items: { row: number; code: string }[];
  score: number;
}

const CODE = /B\d-\d+/;

/** 003 附件1 档案资料清单: its header (卷宗序号, 内容, 标准、要求 …) and the item rows under it, by code. */
export function findChecklist(sheet: SheetGrid, def: ChecklistDef): ChecklistMatch | null {
  const wanted = def.columns.map((c) => normaliseHeader(c.label));
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const columns = new Map<string, number>();
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const i = wanted.indexOf(normaliseHeader(v ?? null));
      if (i >= 0 && !columns.has(def.columns[i]!.label)) columns.set(def.columns[i]!.label, c);
    });
    if (columns.size < Math.min(3, wanted.length)) continue;
    const items: { row: number; code: string }[] = [];
    for (let rr = r + 1; rr < sheet.rows.length; rr++) {
      const row = sheet.rows[rr] ?? [];
      if (rowKind(row) === 'end') break;
      const code = Array.from(row, (v) => CODE.exec(cellText(v ?? null).replace(/\s+/g, ''))?.[0]).find((c) => c !== undefined);
      if (code) items.push({ row: rr, code });
    }
    return { headerRow: r, columns, items, score: columns.size };
  }
  return null;
}
