import { DISABILITY_CATEGORIES, DISABILITY_CATEGORY_ALIASES } from '../tables/lists';

/**
 * The GB/T 26341 digit (1 视力 … 7 多重) of a 残疾类别 as written: the official name, a short
 * alias (视力), or either followed by a grade (视力残疾二级). Null when it names no category.
 */
export function disabilityDigit(text: string): number | null {
  const names = [...DISABILITY_CATEGORIES, ...Object.keys(DISABILITY_CATEGORY_ALIASES)];
  const name = names.filter((n) => text.startsWith(n)).sort((a, b) => b.length - a.length)[0];
  if (!name) return null;
  const official = DISABILITY_CATEGORY_ALIASES[name] ?? name;
  return DISABILITY_CATEGORIES.indexOf(official) + 1;
}
