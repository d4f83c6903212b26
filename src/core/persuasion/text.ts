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

/** Characters that only separate (spaces, punctuation, dashes), in folded text. */
const SEPARATOR = /[\s,，。;；:：、.!！?？\-—]/;

/** [from, to) without the separators at either end. */
export function trimSpan(folded: string, from: number, to: number): [number, number] {
  while (from < to && SEPARATOR.test(folded[from]!)) from++;
  while (to > from && SEPARATOR.test(folded[to - 1]!)) to--;
  return [from, to];
}

/** Nothing but separators between from and to. */
export function isBlankSpan(folded: string, from: number, to: number): boolean {
  const [a, b] = trimSpan(folded, from, to);
  return a === b;
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
