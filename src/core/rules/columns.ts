import type { ColumnDef } from '../tables/schema';

/**
 * A list derived from a table's columns (ctx.columns), worked out once per table instead of on
 * every row: the last columns seen and their answer are kept (the engine checks a table's rows
 * in a row, with one columns array per table).
 */
export function perTable<T>(derive: (columns: readonly ColumnDef[]) => T): (columns: readonly ColumnDef[]) => T {
  let last: readonly ColumnDef[] | null = null;
  let value: T;
  return (columns) => {
    if (columns !== last) {
      value = derive(columns);
      last = columns;
    }
    return value;
  };
}
