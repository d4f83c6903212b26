import { XlsxError } from '../errors';
import { unescapeXstring } from '../xml';
import { ascii, indexOfSeq, startsWithAt } from './bytes';
import { xmlText } from './xmlText';
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
  const plain = new PlainItem(prefix);
  const siOpen = ascii(`<${prefix}si>`);
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
      else if (plain.readAt(b, end)) {
        out.push(plain.text);
        lt = plain.end;
        // Plain items in a row, <si> by <si>, without the general walk's checks of each tag.
        while (startsWithAt(b, siOpen, lt) && plain.readAt(b, lt + siOpen.length)) {
          if (out.length >= limit) tooMany(limit);
          out.push(plain.text);
          lt = plain.end;
        }
        continue;
      } else {
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

/**
 * An item that is one plain run, <t>text</t></si> or <t xml:space="preserve">text</t></si>
 * (nearly every item any producer writes): read without walking its tags one by one.
 */
class PlainItem {
  private readonly t: Uint8Array;
  private readonly preserved: Uint8Array;
  private readonly close: Uint8Array;
  /** The item's text and the offset past its </si>, after at() said yes. */
  text = '';
  end = 0;

  constructor(prefix: string) {
    this.t = ascii(`<${prefix}t>`);
    this.preserved = ascii(`<${prefix}t xml:space="preserve">`);
    this.close = ascii(`</${prefix}t></${prefix}si>`);
  }

  /** Whether the body of the item opening just before `at` is a plain run. */
  readAt(b: Uint8Array, at: number): boolean {
    const from = startsWithAt(b, this.t, at) ? at + this.t.length : startsWithAt(b, this.preserved, at) ? at + this.preserved.length : -1;
    if (from < 0) return false;
    let lt = from;
    while (lt < b.length && b[lt] !== LT) lt++;
    if (!startsWithAt(b, this.close, lt)) return false;
    this.text = unescapeXstring(xmlText(b, from, lt));
    this.end = lt + this.close.length;
    return true;
  }
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

