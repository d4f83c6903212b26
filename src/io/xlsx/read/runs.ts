import { unescapeXstring } from '../xml';
import { xmlText } from './xmlText';
import { startsWithAt } from './bytes';
import { BANG, GT, isSpace, LT, QUESTION, SLASH, tagEndAt, unsupported } from './unsupported';

/** Element names of string items, with the part's namespace prefix, as bytes. */
export class RunNames {
  readonly t: Uint8Array;
  readonly tClose: Uint8Array;
  readonly rPh: Uint8Array;
  readonly prefix: Uint8Array;

  constructor(p: string) {
    const enc = new TextEncoder();
    this.t = enc.encode(`${p}t`);
    this.tClose = enc.encode(`</${p}t>`);
    this.rPh = enc.encode(`${p}rPh`);
    this.prefix = enc.encode(p);
  }
}

/** Whether the tag name at `at` is exactly `name` (followed by space, '/' or '>'). */
export function nameIs(b: Uint8Array, at: number, name: Uint8Array): boolean {
  if (!startsWithAt(b, name, at)) return false;
  const ch = b[at + name.length];
  return ch === GT || ch === SLASH || isSpace(ch);
}

/** A tag name at `at` must carry the part's prefix (or none when the part has none): refuses other namespaces. */
export function checkPrefix(b: Uint8Array, at: number, names: RunNames): void {
  let k = at;
  while (k < b.length && b[k] !== 58 /* : */ && b[k] !== GT && b[k] !== SLASH && !isSpace(b[k])) k++;
  const hasColon = b[k] === 58;
  if (names.prefix.length === 0 ? hasColon : !startsWithAt(b, names.prefix, at)) unsupported();
}

/**
 * The text of a string item's body [from, to) (a shared string's <si> or a cell's <is>): the
 * <t> texts joined, phonetic runs (<rPh>) left out, in one linear walk over the tags.
 */
export function runsText(b: Uint8Array, from: number, to: number, n: RunNames): string {
  let out = '';
  let rph = 0;
  for (let lt = indexOfLt(b, from, to); lt >= 0; lt = indexOfLt(b, lt, to)) {
    const next = b[lt + 1];
    if (next === BANG || next === QUESTION) unsupported();
    const closing = next === SLASH;
    const nameAt = closing ? lt + 2 : lt + 1;
    checkPrefix(b, nameAt, n);
    const end = tagEndAt(b, lt);
    if (end > to) unsupported();
    const selfClosing = b[end - 2] === SLASH;
    if (nameIs(b, nameAt, n.rPh)) {
      if (!selfClosing) rph += closing ? -1 : 1;
    } else if (!closing && !selfClosing && rph === 0 && nameIs(b, nameAt, n.t)) {
      const close = indexOfLt(b, end, to);
      if (close < 0 || !startsWithAt(b, n.tClose, close)) unsupported();
      out += xmlText(b, end, close);
      lt = close + n.tClose.length;
      continue;
    }
    lt = end;
  }
  if (rph !== 0) unsupported();
  return unescapeXstring(out);
}

function indexOfLt(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === LT) return i;
  return -1;
}
