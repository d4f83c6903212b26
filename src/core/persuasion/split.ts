import { enclosedNumber, isBlankSpan, smallNumber, spanStart } from './text';
import { findDates, nextDate, relativeDateAt } from './dates';
import { isAttemptLike } from './fields';

/** One attempt's place in the record: [start, end) of its text, after its item number. */
export interface Span {
  start: number;
  end: number;
}

interface Marker {
  start: number;
  end: number;
  n: number;
  /** Stands where an item starts (text start, new line, after a sentence); else only trusted in sequence. */
  atBreak: boolean;
}

/** 1. 1、 1) (2) ② ⑵ ⒉ 第三次 三、 — item numbers as clerks write them. */
const MARKER_RE = /(\d{1,2})\s*([.、)])|\(\s*(\d{1,2})\s*\)|([\u2460-\u249b])|第\s*([一二三四五六七八九十\d]{1,3})\s*次|([一二三四五六七八九十]{1,3})\s*、/g;
const BREAK_BEFORE = /[\n\r。；;！!？?:：\s]/;
const LOOSE_BREAK_BEFORE = /[，,]/;
/** After "1." a date may follow at once (1.6月12日); after "3." a bare number is 3.5, a date. */
const DATE_AHEAD = /^\s*(?:\d{4}\s*[年./-]|\d{1,2}\s*月|[一二两三四五六七八九十]{1,3}月|\d{1,2}\s*[./]\s*\d{1,2}(?![\d.]))/;

function markers(folded: string): Marker[] {
  const out: Marker[] = [];
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(folded); m !== null; m = MARKER_RE.exec(folded)) {
    const end = m.index + m[0].length;
    const ahead = folded.slice(end, end + 8);
    if (m[2] === '.' && /^\s*\d/.test(ahead) && !DATE_AHEAD.test(ahead)) continue;
    const raw = m[1] ?? m[3] ?? m[5] ?? m[6];
    const n = raw !== undefined ? smallNumber(raw) : enclosedNumber(m[4]!);
    if (n === null || n === 0) continue;
    const prev = m.index === 0 ? '' : folded[m.index - 1]!;
    const ordinal = m[5] !== undefined;
    const atBreak = prev === '' || BREAK_BEFORE.test(prev) || (ordinal && LOOSE_BREAK_BEFORE.test(prev));
    // A number glued to the text before it ("…考虑2.6月19日") counts only when a date follows.
    if (!atBreak && !(m[4] !== undefined || DATE_AHEAD.test(ahead))) continue;
    out.push({ start: m.index, end, n, atBreak });
  }
  return out;
}

/**
 * The item numbers that count 1, 2, 3 … in order; the rest are part of the text. The longest
 * such run wins, so a stray "3、" before the real list does not hide it.
 */
function numbering(found: Marker[]): Marker[] {
  let best: Marker[] = [];
  found.forEach((first, i) => {
    if (first.n !== 1 && !(i === 0 && first.atBreak)) return;
    const chain = [first];
    for (const m of found.slice(i + 1)) {
      if (m.n === chain[chain.length - 1]!.n + 1 && (m.atBreak || m.n > 1)) chain.push(m);
    }
    if (chain.length > best.length) best = chain;
  });
  return best;
}

function isBlank(folded: string, s: Span): boolean {
  return isBlankSpan(folded, s.start, s.end);
}

/** A date that opens a sentence: text start or after a sentence or clause break. */
function opensSentence(folded: string, from: number, at: number): boolean {
  let i = at - 1;
  while (i >= from && /\s/.test(folded[i]!)) i--;
  return i < from || /[。；;！!？?，,\n]/.test(folded[i]!);
}

/** 。次日…: a sentence opened by a relative date starts another attempt (a comma does not). */
function relativeCuts(folded: string, s: Span): number[] {
  const out: number[] = [];
  for (let i = s.start + 1; i < s.end; i++) {
    if (!/[。；;！!？?\n]/.test(folded[i - 1]!)) continue;
    let at = i;
    while (at < s.end && /\s/.test(folded[at]!)) at++;
    if (relativeDateAt(folded, at) !== null) out.push(at);
  }
  return out;
}

/**
 * Splits unnumbered text at the dates that open sentences ("6月5日…。6月12日…"), keeping a
 * piece that reads as no attempt of its own ("6月20日送孩子返校") with the one before.
 */
function splitByDates(folded: string, s: Span): Span[] {
  const dated = findDates(folded.slice(s.start, s.end))
    .map((t) => t.start + s.start)
    .filter((at) => at > s.start && opensSentence(folded, s.start, at));
  const cuts = [...dated, ...relativeCuts(folded, s)].sort((a, b) => a - b);
  const out: Span[] = [];
  let start = s.start;
  for (const cut of [...cuts, s.end]) {
    const piece = { start, end: cut };
    if (out.length && !isAttemptLike(folded.slice(piece.start, piece.end))) out[out.length - 1]!.end = cut;
    else out.push(piece);
    start = cut;
  }
  return out.filter((p) => !isBlank(folded, p));
}

function lines(folded: string, s: Span): Span[] {
  const out: Span[] = [];
  let start = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || folded[i] === '\n' || folded[i] === '\r') {
      const line = { start, end: i };
      if (!isBlank(folded, line)) out.push(line);
      start = i + 1;
    }
  }
  return out;
}

const HEADING = /[:：]\s*$/;

function startsWithDate(folded: string, s: Span): boolean {
  const from = spanStart(folded, s.start, s.end);
  const head = folded.slice(from, Math.min(s.end, from + 24));
  return nextDate(head, 0)?.start === 0;
}

/**
 * Unnumbered text: one attempt per line when lines start with dates (undated lines continue
 * the one before), one per line when no line is dated, and within a line by its dates.
 */
function unnumbered(folded: string, s: Span): Span[] {
  const ls = lines(folded, s);
  if (ls.length <= 1) return ls.flatMap((l) => splitByDates(folded, l));
  const dated = ls.map((l) => startsWithDate(folded, l));
  if (!dated.some(Boolean)) return ls.flatMap((l) => splitByDates(folded, l));
  const groups: Span[] = [];
  ls.forEach((l, i) => {
    const last = groups[groups.length - 1];
    if (dated[i] || !last) {
      // An undated heading ("劝返情况如下：") before the first dated line is no attempt.
      const line = folded.slice(l.start, l.end);
      if (dated[i] || (!HEADING.test(line) && isAttemptLike(line))) groups.push({ start: l.start, end: l.end });
    } else {
      last.end = l.end;
    }
  });
  return groups.flatMap((g) => splitByDates(folded, g));
}

/**
 * Where each attempt of a record stands. Numbered items (1. 1、 (2) ② 第三次) when the record
 * counts at least two; otherwise lines, then dates. Never throws; blank text has no attempt.
 */
export function splitAttempts(folded: string): Span[] {
  const whole = { start: 0, end: folded.length };
  const chain = numbering(markers(folded));
  if (chain.length < 2) {
    const lead = chain[0];
    const body = lead && isBlank(folded, { start: 0, end: lead.start }) ? { start: lead.end, end: folded.length } : whole;
    return unnumbered(folded, body);
  }
  const out: Span[] = [];
  const preface = { start: 0, end: chain[0]!.start };
  // Text before item 1 is a heading unless it is dated, i.e. an attempt left unnumbered.
  if (!isBlank(folded, preface) && findDates(folded.slice(preface.start, preface.end)).some((t) => !t.dotted)) {
    out.push(...unnumbered(folded, preface));
  }
  chain.forEach((m, i) => {
    const item = { start: m.end, end: chain[i + 1]?.start ?? folded.length };
    if (!isBlank(folded, item)) out.push(item);
  });
  return out;
}
