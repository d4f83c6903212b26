const WIDE = /[\uff01-\uff5e\u3000]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000]/g;
const widen = (ch: string) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * Full-width digits, letters and ASCII punctuation to half-width, and the ideographic space
 * to a space, one character for one, so that offsets in the folded text hold in the original.
 */
export function fold(text: string): string {
  return WIDE.test(text) ? text.replace(WIDE_ALL, widen) : text;
}

/** What a regex's \s matches. */
export const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const SPACED = /[\s\u3000]/;
const SPACES_ALL = /[\s\u3000]/g;

/** `s` without white space (a name as compared); a global replace costs even where it finds none. */
export function withoutSpaces(s: string): string {
  return SPACED.test(s) ? s.replace(SPACES_ALL, '') : s;
}

/** A table by code unit of the characters in `chars`: a look-up far cheaper than a regex call. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/**
 * Characters that only separate, in folded text: what /[\s,，。;；:：、.!！?？\-—]/ matches (\s
 * spelt out), as a table by code unit rather than a regex call per character.
 */
const SEPARATOR = charTable(`${SPACES},，。;；:：、.!！?？-—`);

/*
 * [from, to) without the separators at either end is [spanStart, spanEnd): two numbers rather
 * than a pair, as a million records' spans would be a million small arrays for the collector.
 */

/** Where [from, to) starts without the separators before it. */
export function spanStart(folded: string, from: number, to: number): number {
  while (from < to && SEPARATOR[folded.charCodeAt(from)] === 1) from++;
  return from;
}

/** Where [from, to) ends without the separators after it (`from` trimmed already). */
export function spanEnd(folded: string, from: number, to: number): number {
  while (to > from && SEPARATOR[folded.charCodeAt(to - 1)] === 1) to--;
  return to;
}

/** Nothing but separators between from and to. */
export function isBlankSpan(folded: string, from: number, to: number): boolean {
  return spanStart(folded, from, to) === to;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral up to 99 (三, 十二, 二十一, 三十) or digits; null when it is neither. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? CN_DIGITS[tens]! : null;
  return (tens ? CN_DIGITS[tens]! : 1) * 10 + (units ? CN_DIGITS[units]! : 0);
}

/** Circled and bracketed numbers ①…⑳, ⑴…⒇, ⒈…⒛ to their value. */
export function enclosedNumber(ch: string): number | null {
  const c = ch.charCodeAt(0);
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x2474 && c <= 0x2487) return c - 0x2474 + 1;
  if (c >= 0x2488 && c <= 0x249b) return c - 0x2488 + 1;
  return null;
}
