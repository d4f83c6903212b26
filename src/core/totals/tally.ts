import type { RowView } from '../rules/types';
import type { ColumnKey } from '../tables/schema';
import { cellText, type CellValue } from '../model/cell';
import { normaliseItem } from '../find/normalise';

/** Per measure: how many detail rows it counts, and which (0-based grid rows, ascending). */
export interface Tally {
  counts: number[];
  rows: number[][];
}

/** The tally of one group (one 地市/区县, one school …). */
export interface GroupTally extends Tally {
  /** Normalised group values joined; equal keys are the same group. */
  key: string;
  /** The group's values as first seen in the details. */
  labels: string[];
}

export interface Tallies {
  /** In the order the groups first appear in the details. */
  groups: GroupTally[];
  total: Tally;
}

/** Pushes onto `out` the indexes of the measures a row counts in; nothing for a row not counted. */
export type Classify = (row: RowView, out: number[]) => void;

function emptyTally(measures: number): Tally {
  return { counts: new Array<number>(measures).fill(0), rows: Array.from({ length: measures }, () => []) };
}

/**
 * normaliseItem with a memory: detail columns repeat a few values (categories, place names)
 * over many rows, and Unicode normalisation is the costliest step of counting.
 */
export function cachedNormalise(): (v: CellValue | undefined) => string {
  const seen = new Map<string, string>();
  return (v) => {
    if (typeof v !== 'string') return normaliseItem(v);
    let n = seen.get(v);
    if (n === undefined) {
      n = normaliseItem(v);
      seen.set(v, n);
    }
    return n;
  };
}

/** The key that groups rows: the values compared as dropdown items are (spaces and width folded). */
export function groupKey(values: readonly (CellValue | undefined)[], normalise: (v: CellValue | undefined) => string = normaliseItem): string {
  return values.map(normalise).join('\u0001');
}

/**
 * Counts detail rows by group in one pass. Keeps the rows behind every figure so that a
 * totals cell can be traced back to its details; one number per counted row and measure.
 */
export function tally(views: readonly RowView[], groupBy: readonly ColumnKey[], measures: number, classify: Classify): Tallies {
  const groups: GroupTally[] = [];
  const byKey = new Map<string, GroupTally>();
  const total = emptyTally(measures);
  const hits: number[] = [];
  const normalise = cachedNormalise();
  // Raw group values → group, one map level per grouping column: most rows repeat a group
  // seen before, and finding it this way builds no key string.
  const seen = new Map<CellValue | undefined, unknown>();
  const groupOf = (view: RowView): GroupTally => {
    let level = seen;
    for (let i = 0; i < groupBy.length - 1; i++) {
      const v = view.get(groupBy[i]!);
      let next = level.get(v) as Map<CellValue | undefined, unknown> | undefined;
      if (!next) level.set(v, (next = new Map()));
      level = next;
    }
    const last = groupBy.length ? view.get(groupBy[groupBy.length - 1]!) : null;
    let group = level.get(last) as GroupTally | undefined;
    if (group) return group;
    const values = groupBy.map((k) => view.get(k));
    const key = groupKey(values, normalise);
    group = byKey.get(key);
    if (!group) {
      group = { key, labels: values.map((v) => cellText(v).trim()), ...emptyTally(measures) };
      byKey.set(key, group);
      groups.push(group);
    }
    level.set(last, group);
    return group;
  };
  for (const view of views) {
    hits.length = 0;
    classify(view, hits);
    if (hits.length === 0) continue;
    const group = groupOf(view);
    for (const m of hits) {
      group.counts[m]!++;
      group.rows[m]!.push(view.row);
      total.counts[m]!++;
      total.rows[m]!.push(view.row);
    }
  }
  return { groups, total };
}
