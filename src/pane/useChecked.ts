import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../core/model/finding';
import type { Checked } from './actions';
import { childrenOf, type ChildOf } from './child';
import type { PaneServices } from './services';

export interface Picked {
  sheet: string;
  cell: string;
  findings: Finding[];
}

/** The child of each finding, and the findings of the cell the user picked in the sheet. */
export function useChecked(services: PaneServices, checked: Checked | null): { childOf: ChildOf; picked: Picked | null } {
  const childOf = useMemo<ChildOf>(() => (checked ? childrenOf(checked.grid, checked.report) : () => null), [checked]);
  const [cell, setCell] = useState<{ sheet: string; cell: string } | null>(null);
  const { watchSelection } = services;
  useEffect(() => watchSelection?.(setCell), [watchSelection]);
  const picked = useMemo(() => {
    if (!cell || !checked) return null;
    return { ...cell, findings: checked.report.findings.filter((f) => f.sheet === cell.sheet && f.cell === cell.cell) };
  }, [cell, checked]);
  return { childOf, picked };
}
