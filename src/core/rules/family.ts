import type { RowRule, TableRule } from './types';

/** The rules of one family (idcard, date, …), as the engine runs them. */
export interface RuleFamily {
  row: RowRule[];
  table: TableRule[];
}
