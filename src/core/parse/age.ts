/** Full years (周岁) from a birth date to a date, both yyyy-mm-dd. */
export function fullYears(birth: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birth.slice(0, 4));
  return at.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Reads 年龄 as typed: 13, "13", "13岁", "13周岁"; null for anything else. */
export function ageOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^(\d{1,3})(周岁|岁)?$/.exec(v.normalize('NFKC').replace(/\s/g, ''));
  return m ? Number(m[1]) : null;
}
