import { decodeXstring, textOfRuns } from '../xml';
import { ascii, findByte, indexOfSeq, startsWithAt, utf8 } from './bytes';
import { rootPrefix } from './prefix';

const GT = 62;
const LT = 60;
const SLASH = 47;

/**
 * The shared string table, read from the part's UTF-8 bytes: a plain <si><t>…</t></si> is
 * decoded in place; rich text (runs joined, phonetic hints left out) goes through the general reader.
 */
export function parseSharedStrings(part: Uint8Array): string[] {
  const b = part[0] === 0xff && part[1] === 0xfe ? ascii(new TextDecoder('utf-16le').decode(part.subarray(2))) : part;
  const p = rootPrefix(utf8(b, 0, Math.min(b.length, 4096)), 'sst');
  const open = ascii(`<${p}si`);
  const close = ascii(`</${p}si>`);
  const tOpen = ascii(`<${p}t`);
  const tClose = ascii(`</${p}t>`);
  const out: string[] = [];
  for (let i = indexOfSeq(b, open, 0); i >= 0; i = indexOfSeq(b, open, i + 1)) {
    const after = b[i + open.length]!;
    if (after !== GT && after !== SLASH && after > 32) continue;
    const gt = findByte(b, GT, i);
    if (gt < 0) break;
    if (b[gt - 1] === SLASH) {
      out.push('');
      continue;
    }
    const end = indexOfSeq(b, close, gt);
    if (end < 0) break;
    out.push(plainText(b, gt + 1, end, tOpen, tClose) ?? textOfRuns(utf8(b, gt + 1, end)));
    i = end;
  }
  return out;
}

/** The text of a body that is exactly one <t> element, or null. */
function plainText(b: Uint8Array, from: number, to: number, tOpen: Uint8Array, tClose: Uint8Array): string | null {
  if (!startsWithAt(b, tOpen, from)) return null;
  const next = b[from + tOpen.length]!;
  if (next !== GT && next !== 32) return null;
  const gt = findByte(b, GT, from);
  if (gt < 0 || gt >= to || b[gt - 1] === SLASH) return null;
  const lt = findByte(b, LT, gt);
  if (lt + tClose.length !== to || !startsWithAt(b, tClose, lt)) return null;
  return decodeXstring(utf8(b, gt + 1, lt));
}
