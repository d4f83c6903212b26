/** Built-in number formats Excel shows as dates or times (ECMA-376 §18.8.30 plus the CJK ids). */
function isBuiltinDateId(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Elapsed time ([h]:mm:ss, [mm]:ss, [ss]) in the first section: a duration, not a point in time. */
const ELAPSED = /\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?/i;

export function isElapsedFormatCode(code: string): boolean {
  return ELAPSED.test(code.split(';')[0]!);
}

/**
 * A custom format is a date when a date/time letter (y m d h s) or an elapsed-time bracket
 * ([h], [mm], [ss]) appears outside "quoted text", other [brackets] (colours, locales), and
 * escaped or padding characters (\x, _x, *x).
 */
export function isDateFormatCode(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      if (close < 0) return false;
      if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, close + 1))) return true;
      i = close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if ('yYmMdDhHsS'.includes(ch)) {
      return true;
    }
  }
  return false;
}

/** Whether the cell format (`numFmtId` with the workbook's custom codes) shows a date. */
export function isDateFormat(id: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(id);
  return code !== undefined ? isDateFormatCode(code) : isBuiltinDateId(id);
}

/** Whether the cell format shows elapsed time (built-in 46 is [h]:mm:ss). */
export function isElapsedFormat(id: number, customCodes: ReadonlyMap<number, string>): boolean {
  const code = customCodes.get(id);
  return code !== undefined ? isElapsedFormatCode(code) : id === 46;
}

/** Codes that have a built-in id, so writers need not declare them. */
export const BUILTIN_FORMAT_IDS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['0.00E+00', 11],
  ['@', 49],
]);

/** First id Excel leaves for workbook-defined formats. */
export const FIRST_CUSTOM_FORMAT_ID = 164;
