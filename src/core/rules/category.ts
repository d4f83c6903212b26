import type { RuleFamily } from './family';
import type { RowRule } from './types';
import { isBlank } from '../model/cell';
import { normaliseItem } from '../find/normalise';
import { intendedItem } from './listItem';
import { perTable } from './columns';
import { SLOT } from '../find/columnSlot';

/**
 * category.invalid: a value outside its dropdown list. Excel checks a dropdown only when a
 * value is typed, never when it is pasted, so every list column is checked again here.
 * category.alias: a known other spelling of a list item (a warning: the official wording is asked for).
 * category.misspelt: a value that plainly means one item but is not it ("K、打工务农", 附件2's long
 * wording): an error naming the item, with the item as the finding's suggested value for 修复.
 */
const normalisedLists = new WeakMap<readonly string[], ReadonlySet<string>>();
function listSet(list: readonly string[]): ReadonlySet<string> {
  let set = normalisedLists.get(list);
  if (!set) normalisedLists.set(list, (set = new Set(list.map((item) => normaliseItem(item)))));
  return set;
}

/** The dropdown columns of a table, each with its slot and its normalised items. */
const listColumns = perTable((columns) =>
  columns.flatMap((col) => (col.list ? [{ col, slot: SLOT[col.key], list: col.list, items: listSet(col.list), last: '' }] : [])),
);

const inList: RowRule = {
  id: 'category.invalid',
  check(row, ctx, emit) {
    const lists = listColumns(ctx.columns);
    for (let i = 0; i < lists.length; i++) {
      const entry = lists[i]!;
      const { col, slot, list, items } = entry;
      const v = row.valueAt(slot);
      if (typeof v === 'string') {
        // The common case, without normalising: the item last seen in this column (a shared
        // string is the very same string, compared without reading it; '' is blank), else any item.
        if (v === entry.last) continue;
        if (items.has(v)) {
          entry.last = v;
          continue;
        }
      }
      if (isBlank(v)) continue;
      const text = normaliseItem(v ?? null);
      if (items.has(text)) continue;
      const official = col.listAliases?.[text];
      if (official) {
        emit({ key: col.key, rule: 'category.alias', severity: 'warning', params: { column: col.label, value: text, official }, suggested: official });
        continue;
      }
      const intended = intendedItem(text, list);
      if (intended) {
        emit({ key: col.key, rule: 'category.misspelt', severity: 'error', params: { column: col.label, value: text, official: intended }, suggested: intended });
        continue;
      }
      emit({
        key: col.key,
        rule: 'category.invalid',
        severity: 'error',
        params: { column: col.label, value: text, list: list.join('、') },
      });
    }
  },
};

export const categoryRules: RuleFamily = { row: [inList], table: [] };
