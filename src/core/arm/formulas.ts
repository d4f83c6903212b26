/**
 * Spreadsheet-formula building blocks for the armed rules. Only functions that Excel 2010,
 * WPS and LibreOffice evaluate alike; no array constants inside a rule (Excel refuses them in
 * validations and conditional formats), so constant arrays live in workbook names (ARM_NAMES).
 */

/** Prefix of every workbook name the armed rules use: re-arming replaces exactly these. */
export const ARM_NAME_PREFIX = '_bxArm';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Names the formulas refer to: positions 1–17 and the GB 11643 weights 2^(17−i) mod 11. */
export const ARM_NAMES: Readonly<Record<string, string>> = {
  [`${ARM_NAME_PREFIX}Pos`]: `{${WEIGHTS.map((_, i) => i + 1).join(',')}}`,
  [`${ARM_NAME_PREFIX}Wt`]: `{${WEIGHTS.join(',')}}`,
};
const POS = `${ARM_NAME_PREFIX}Pos`;
const WT = `${ARM_NAME_PREFIX}Wt`;

/** A string literal. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The judging day: a fixed reference date (yyyy-mm-dd) or TODAY(), the only volatile function used. */
export function dayOf(referenceDate: string | undefined): string {
  if (!referenceDate) return 'TODAY()';
  return dateLiteral(referenceDate);
}

export function dateLiteral(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `DATE(${y},${m},${d})`;
}

/** The cell's text with spaces (ASCII and ideographic) removed and a full-width dot folded: normaliseItem's view of a dropdown value. */
export function item(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref}," ",""),"\u3000",""),"\uff0e",".")`;
}

/** True when the cell holds nothing but spaces, ASCII or ideographic (isBlank's view). */
export function blank(ref: string): string {
  return `TRIM(SUBSTITUTE(${ref},"\u3000",""))=""`;
}

/** The birth date of an 18-character number as a date serial (an error when it is no real date). */
export function idBirth(ref: string): string {
  return `--TEXT(--MID(${ref},7,8),"0000-00-00")`;
}

/**
 * An 18-character 身份证号 written exactly to GB 11643: text, 17 digits and the MOD 11-2 check
 * character (upper-case X), a real birth date not after `latest` (and after `after`, when
 * given). `exactX` false accepts a lower-case x, as the core does once it has cleaned the number. Errors (a letter among the digits, an impossible date) propagate: a validation
 * refuses them, a format wraps them in safe().
 */
export function idValid(ref: string, latest: string, after?: string, exactX = true): string {
  const check = `MID("10X98765432",MOD(SUMPRODUCT(MID(${ref},${POS},1)*${WT}),11)+1,1)`;
  const birth = idBirth(ref);
  const range = after ? `,${birth}>${after}` : '';
  const digit = exactX ? `EXACT(RIGHT(${ref}),${check})` : `RIGHT(${ref})=${check}`;
  return `AND(ISTEXT(${ref}),LEN(${ref})=18,${digit},${birth}<=${latest}${range})`;
}

/** FALSE instead of an error: what a conditional format needs. */
export function safe(cond: string): string {
  return `IFERROR(${cond},FALSE)`;
}

/** The cell's text with the clerks' date separators (年 月 . /) turned into "-" and 日/号/份 dropped. */
function foldedDate(ref: string): string {
  let n = ref;
  for (const [from, to] of [['年', '-'], ['月', '-'], ['日', ''], ['号', ''], ['份', ''], ['.', '-'], ['/', '-']]) {
    n = `SUBSTITUTE(${n},${str(from!)},${str(to!)})`;
  }
  return n;
}

/**
 * A date as core/parse/date reads it, not after `day`: a date serial, or text such as
 * 2021年3月5日, 2021-03-05, 2021.3.5, 2021/3/5, 20210305, 2021年3月 (judged by its month) and
 * 3月5日 (no year: never in the future, the rules take the latest past year). The text is
 * rebuilt as an unambiguous yyyy-m-d, which every engine converts to a date or refuses alike
 * (2021-02-30 is an error); the only range test is one ABS, so that string is written once.
 */
export function dateValid(ref: string, day: string): string {
  const spread = `SUBSTITUTE(${foldedDate(ref)},"-",REPT(" ",20))`;
  const part = (i: number) => `TRIM(MID(${spread},${i * 20 + 1},20))`;
  const [p1, p2, p3] = [part(0), part(1), part(2)];
  const noYear = `LEN(${p1})<3`;
  const iso =
    `IF(LEN(${p1})=8,REPLACE(REPLACE(${p1},7,0,"-"),5,0,"-"),` +
    `IF(${noYear},YEAR(${day})&"-"&${p1}&"-"&${p2},` +
    `IF(LEN(${p1})=4,${p1}&"-"&${p2}&"-"&IF(${p3}="",1,${p3}),"x")))`;
  const low = 'DATE(1900,1,1)';
  const high = `IF(${noYear},DATE(2100,12,31),${day})`;
  const text = `ABS(--${iso}-(${low}+${high})/2)<=(${high}-${low})/2`;
  const serial = `AND(ISNUMBER(${ref}),OR(${ref}<19000101,${ref}>21001231))`;
  return `IF(${serial},AND(${ref}>=1,${ref}<=${day}),AND(OR(ISTEXT(${ref}),ISNUMBER(${ref})),${text}))`;
}
