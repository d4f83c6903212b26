/** Excel's rules for sheet names: 1–31 characters, none of \ / ? * [ ] :, compared case-insensitively. */
const MAX = 31;

/** A name like `base` that Excel accepts and that no sheet in `taken` has; adds it to `taken`. */
export function freeSheetName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[\\/?*[\]:]/g, '').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const has = (n: string) => [...taken].some((t) => t.toLowerCase() === n.toLowerCase());
  let name = clean.slice(0, MAX);
  for (let i = 2; has(name); i++) {
    const suffix = `(${i})`;
    name = clean.slice(0, MAX - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}
