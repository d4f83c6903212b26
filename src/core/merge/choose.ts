import type { BoundLedger } from '../find/recognise';
import type { LedgerDef, TableDef } from '../tables/schema';

/**
 * The table to merge: the one asked for, else the one held by most inputs (ties go to
 * the catalogue's order). Null when no input holds a ledger.
 */
export function chooseTable(held: readonly (readonly BoundLedger[])[], defs: readonly TableDef[], tableId?: string): LedgerDef | null {
  if (tableId !== undefined) {
    const def = defs.find((d) => d.id === tableId);
    if (!def || def.kind !== 'ledger') throw new Error(`no ledger table with id ${tableId}`);
    return def;
  }
  const count = new Map<string, number>();
  for (const tables of held) {
    for (const id of new Set(tables.map((t) => t.def.id))) count.set(id, (count.get(id) ?? 0) + 1);
  }
  let best: LedgerDef | null = null;
  let bestCount = 0;
  for (const def of defs) {
    const n = count.get(def.id) ?? 0;
    if (def.kind === 'ledger' && n > bestCount) {
      best = def;
      bestCount = n;
    }
  }
  return best;
}
