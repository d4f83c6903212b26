import { XlsxError } from '../errors';
import { unescapeXstring } from '../xml';
import { ascii, indexOfSeq } from './bytes';
import { checkPrefix, nameIs, RunNames, runsText } from './runs';
import { parseXml } from './sax';
import { BANG, LT, QUESTION, SLASH, tagEndAt, unsupported } from './unsupported';

function tooMany(limit: number): never {
  throw new XlsxError('too-many-strings', { limit });
}

/**
 * The shared string table from the part's UTF-8 bytes (no BOM), in one linear walk: each
 * <si>'s <t> texts joined, phonetic runs left out. Throws Unsupported on anything else
 * (comments, CDATA, other prefixes, truncation), so the conformant reader takes over.
 */
export function scanSharedStrings(b: Uint8Array, prefix: string, limit: number): string[] {
  const n = new RunNames(prefix);
  const si = ascii(`${prefix}si`);
  const sst = ascii(`${prefix}sst`);
  const siClose = ascii(`</${prefix}si>`);
  const out: string[] = [];
  let closed = false;
  for (let lt = b.indexOf(LT); lt >= 0 && !closed; lt = b.indexOf(LT, lt)) {
    const next = b[lt + 1];
    if (next === QUESTION && lt === 0) {
      lt = tagEndAt(b, lt);
      continue;
    }
    if (next === BANG || next === QUESTION) unsupported();
    const closing = next === SLASH;
    checkPrefix(b, closing ? lt + 2 : lt + 1, n);
    const end = tagEndAt(b, lt);
    if (!closing && nameIs(b, lt + 1, si)) {
      if (out.length >= limit) tooMany(limit);
      if (b[end - 2] === SLASH) out.push('');
      else {
        // Anything between (a comment holding "</si>" too) is checked by runsText.
        const close = indexOfSeq(b, siClose, end);
        if (close < 0) unsupported();
        out.push(runsText(b, end, close, n));
        lt = close + siClose.length;
        continue;
      }
    } else if (closing && nameIs(b, lt + 2, sst)) closed = true;
    lt = end;
  }
  if (!closed) unsupported();
  return out;
}

/** The conformant reading of the shared string table (saxes). */
export function readSharedStringsXml(text: string, part: string, limit: number): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let rph = 0;
  parseXml(text, part, {
    open(local) {
      if (local === 'si') {
        if (out.length >= limit) tooMany(limit);
        cur = '';
      } else if (local === 'rPh') rph++;
      else if (local === 't' && cur !== null && rph === 0) inT = true;
    },
    close(local) {
      if (local === 'si' && cur !== null) {
        out.push(unescapeXstring(cur));
        cur = null;
      } else if (local === 'rPh') rph--;
      else if (local === 't') inT = false;
    },
    text(t) {
      if (inT) cur += t;
    },
  });
  return out;
}

