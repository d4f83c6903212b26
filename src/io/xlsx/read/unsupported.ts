/**
 * Thrown by the fast byte scanners when they meet anything they do not follow (a comment,
 * CDATA, a processing instruction, another prefix, odd spacing, truncation): the caller then
 * reads the part with the conformant parser instead of guessing. Never leaves this folder.
 */
export class Unsupported extends Error {
  constructor() {
    super('fast scanner: take the conformant path');
  }
}

export function unsupported(): never {
  throw new Unsupported();
}

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47;
export const QUOTE = 34;
export const APOS = 39;
export const BANG = 33; // !
export const QUESTION = 63; // ?

export function isSpace(ch: number | undefined): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Index just past the '>' of the tag starting at `lt` (quoted values skipped); refuses a '<' inside or a truncated tag. */
export function tagEndAt(b: Uint8Array, lt: number): number {
  let quote = 0;
  for (let k = lt + 1; k < b.length; k++) {
    const ch = b[k]!;
    if (quote) {
      if (ch === quote) quote = 0;
      else if (ch === LT) unsupported();
    } else if (ch === QUOTE || ch === APOS) quote = ch;
    else if (ch === GT) return k + 1;
    else if (ch === LT) unsupported();
  }
  return unsupported();
}
