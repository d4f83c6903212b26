import { ascii, startsWithAt } from './bytes';
import { T, type CellType } from './cellValue';
import { GT, isSpace, LT, QUOTE, SLASH } from './unsupported';

/** Byte-level tests of the sheet scanner's tags. */

/** Bytes that end an attribute name (=, '<', '>', whitespace) and a quoted value (quotes, '<', '&'): one lookup per byte. */
export const NAME_STOP = byteSet('=<> \t\n\r');
export const VALUE_STOP = byteSet(`"'<&`);

function byteSet(chars: string): Uint8Array {
  const set = new Uint8Array(256);
  for (const ch of chars) set[ch.charCodeAt(0)] = 1;
  return set;
}

// The sequences of the hottest checks, without a prefix, compared as constants (a loop over the
// pattern's bytes cost more than the comparisons themselves).

/** After a tag's name: '>', '/' or whitespace. */
export function endsName(ch: number | undefined): boolean {
  return ch === GT || ch === SLASH || isSpace(ch);
}

/** </v></c> at `at`. */
export function endsValue(b: Uint8Array, at: number): boolean {
  return b[at] === LT && b[at + 1] === SLASH && b[at + 2] === 118 /* v */ && b[at + 3] === GT && endsCell(b, at + 4);
}

/** </c> at `at`. */
function endsCell(b: Uint8Array, at: number): boolean {
  return b[at] === LT && b[at + 1] === SLASH && b[at + 2] === 99 /* c */ && b[at + 3] === GT;
}

/** inlineStr" at `at`. */
export function isInlineStr(b: Uint8Array, at: number): boolean {
  return (
    b[at] === 105 /* i */ && b[at + 1] === 110 /* n */ && b[at + 2] === 108 /* l */ && b[at + 3] === 105 /* i */ && b[at + 4] === 110 /* n */ &&
    b[at + 5] === 101 /* e */ && b[at + 6] === 83 /* S */ && b[at + 7] === 116 /* t */ && b[at + 8] === 114 /* r */ && b[at + 9] === QUOTE
  );
}

/** <is><t> at `at`. */
export function opensInline(b: Uint8Array, at: number): boolean {
  return b[at] === LT && b[at + 1] === 105 /* i */ && b[at + 2] === 115 /* s */ && b[at + 3] === GT && b[at + 4] === LT && b[at + 5] === 116 /* t */ && b[at + 6] === GT;
}

/** </t></is></c> at `at`. */
export function endsInline(b: Uint8Array, at: number): boolean {
  return b[at] === LT && b[at + 1] === SLASH && b[at + 2] === 116 /* t */ && b[at + 3] === GT && b[at + 4] === LT && b[at + 5] === SLASH && b[at + 6] === 105 /* i */ && b[at + 7] === 115 /* s */ && b[at + 8] === GT && endsCell(b, at + 9);
}

const STR = ascii('str');
const INLINE = ascii('inlineStr');

/** The cell type a t="…" value [from, to) names; anything else is a number, as typeOf has it. */
export function typeCode(b: Uint8Array, from: number, to: number): CellType {
  const c = b[from];
  switch (to - from) {
    case 1:
      return c === 115 /* s */ ? T.Shared : c === 98 /* b */ ? T.Bool : c === 101 /* e */ ? T.Error : c === 100 /* d */ ? T.Date : T.Number;
    case 3:
      return startsWithAt(b, STR, from) ? T.Str : T.Number;
    case 9:
      return startsWithAt(b, INLINE, from) ? T.Inline : T.Number;
    default:
      return T.Number;
  }
}
