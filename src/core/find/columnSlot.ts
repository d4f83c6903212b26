import { COLUMN_KEYS, type ColumnKey } from '../tables/schema';

/** A column role as a number: its place in COLUMN_KEYS. RowView.valueAt reads a cell by it. */
export type ColumnSlot = number;

/**
 * Each role's slot, e.g. `SLOT.idcard`. A rule reads its slots once (at load, or once per table
 * for the columns it loops over) and then `row.valueAt(slot)` on every row: an array load, where
 * `row.get(key)` hashes the key in a Map on each of millions of calls.
 */
export const SLOT = Object.fromEntries(COLUMN_KEYS.map((k, i) => [k, i])) as { readonly [K in ColumnKey]: ColumnSlot };

/** The role of a slot (views that keep their cells by key answer `valueAt` through it). */
export function keyOfSlot(slot: ColumnSlot): ColumnKey | undefined {
  return COLUMN_KEYS[slot];
}
