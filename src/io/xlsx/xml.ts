/** Small string-level XML helpers: parts are edited in place so untouched bytes stay as they were. */

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What escapeXstring changes: markup characters, "_x" guards and characters XML cannot hold. */
const NEEDS_ESCAPE = /[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/**
 * Cell text (ST_Xstring): control characters XML cannot hold become _xHHHH_, and a literal
 * "_xHHHH_" is protected as "_x005F_xHHHH_", as Excel does.
 */
export function escapeXstring(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s; // most cell text: nothing to escape
  const guarded = s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(guarded);
}

/** A Map, not an object literal: "&constructor;" must not find Object.prototype's members. */
const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/** The code point of a character reference body at [from, to) of `s` ('#20013', '#x4E2D'), or -1. */
function charRef(s: string, from: number, to: number): number {
  const hex = s.charCodeAt(from + 1) === 120; /* x */
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return -1;
  let code = 0;
  for (; i < to; i++) {
    const d = refDigit(s.charCodeAt(i), hex);
    if (d < 0) return -1;
    code = code * (hex ? 16 : 10) + d;
  }
  return code > 0 && code <= 0x10ffff ? code : -1;
}

/** The value of one digit of a character reference (char code `c`), or -1. */
export function refDigit(c: number, hex: boolean): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (hex && c >= 97 && c <= 102) return c - 87;
  if (hex && c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** The text an entity at [amp, semi] of `s` stands for, or null when it is none. */
function entityAt(s: string, amp: number, semi: number): string | null {
  if (s.charCodeAt(amp + 1) === 35 /* # */) {
    const code = charRef(s, amp + 1, semi);
    return code < 0 ? null : code < 0x10000 ? String.fromCharCode(code) : String.fromCodePoint(code);
  }
  return NAMED.get(s.slice(amp + 1, semi)) ?? null;
}

/**
 * Entities and character references decoded in one linear pass, digits read in place (bulk
 * exports write every Chinese character as &#NNNNN;, so this runs once per character there).
 */
export function decodeXml(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  let semi = -1;
  while (amp >= 0) {
    // The next ';' is looked up again only once passed, so the pass stays linear.
    if (semi <= amp) semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    // Entity bodies are short: a far ';' means this '&' is not one.
    const ch = semi - amp <= 10 ? entityAt(s, amp, semi) : null;
    if (ch !== null) {
      out += amp === last ? ch : s.slice(last, amp) + ch;
      last = semi + 1;
      amp = s.charCodeAt(last) === 38 /* & */ ? last : s.indexOf('&', last);
    } else amp = s.indexOf('&', amp + 1);
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The _xHHHH_ escapes of ST_Xstring (text already entity-decoded). */
export function unescapeXstring(t: string): string {
  if (t.indexOf('_x') < 0) return t;
  return t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Decodes entities, then the _xHHHH_ escapes of ST_Xstring. */
export function decodeXstring(s: string): string {
  return unescapeXstring(decodeXml(s));
}

/** Attributes of an open tag ('<c r="A1" s="2">'), values decoded, keyed by qualified name. */
export function parseAttrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const end = tagEnd(tag, 0);
  const open = end < 0 ? tag : tag.slice(0, end);
  const nameEnd = open.search(/[\s/>]/);
  re.lastIndex = nameEnd < 0 ? open.length : nameEnd;
  for (let m = re.exec(open); m; m = re.exec(open)) out.set(m[1]!, decodeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** An attribute by local name, whatever its namespace prefix ('id' finds 'r:id'). */
export function attrLocal(attrs: Map<string, string>, local: string): string | undefined {
  const exact = attrs.get(local);
  if (exact !== undefined) return exact;
  for (const [k, v] of attrs) if (k.endsWith(':' + local)) return v;
  return undefined;
}

/** Where an element sits in a string: [start, openEnd) is the open tag, [start, end) the whole. */
export interface Span {
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
}

const OPEN_RE = new Map<string, RegExp>();

function openRe(local: string): RegExp {
  let re = OPEN_RE.get(local);
  if (!re) {
    re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(?=[\\s/>])`, 'g');
    OPEN_RE.set(local, re);
  }
  return re;
}

/** Index just past the '>' closing the tag that starts at `i`, skipping quoted values; -1 if none. */
export function tagEnd(xml: string, i: number): number {
  let quote = '';
  for (let k = i + 1; k < xml.length; k++) {
    const ch = xml[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k + 1;
  }
  return -1;
}

/**
 * The first element named `local` (any prefix) starting in [from, to). Assumes the element
 * does not nest inside itself, which holds for every OOXML element this layer looks for.
 */
export function findElement(xml: string, local: string, from = 0, to = xml.length): Span | null {
  const re = openRe(local);
  re.lastIndex = from;
  // Searching a bounded prefix keeps a miss from scanning the rest of a large part.
  const m = re.exec(to < xml.length ? xml.slice(0, to) : xml);
  if (!m) return null;
  const start = m.index;
  const openEnd = tagEnd(xml, start);
  if (openEnd < 0) return null;
  if (xml[openEnd - 2] === '/') return { start, openEnd, end: openEnd, selfClosing: true };
  const closer = `</${m[0].slice(1)}`;
  for (let close = xml.indexOf(closer, openEnd); close >= 0; close = xml.indexOf(closer, close + 1)) {
    const after = xml.charCodeAt(close + closer.length);
    if (after === 62 /* > */ || after <= 32) {
      const closeEnd = xml.indexOf('>', close);
      return closeEnd < 0 ? null : { start, openEnd, end: closeEnd + 1, selfClosing: false };
    }
  }
  return null;
}

/** Every element named `local` in [from, to), in document order. */
export function findAll(xml: string, local: string, from = 0, to = xml.length): Span[] {
  const out: Span[] = [];
  for (let s = findElement(xml, local, from, to); s && s.end <= to; s = findElement(xml, local, s.end, to)) {
    out.push(s);
  }
  return out;
}

export function openTagOf(xml: string, s: Span): string {
  return xml.slice(s.start, s.openEnd);
}

/** Content between the open and close tags ('' for a self-closing element). */
export function innerOf(xml: string, s: Span): string {
  if (s.selfClosing) return '';
  return xml.slice(s.openEnd, xml.lastIndexOf('<', s.end - 1));
}

/** Sets (or adds) one attribute in an open tag, leaving the rest of the tag as written. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const quoted = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, head: string) => head + quoted);
  const at = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, at)} ${name}=${quoted}${tag.slice(at)}`;
}

export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, '');
}
