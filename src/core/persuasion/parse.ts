import type { AttemptView } from '../model/finding';
import { fold, spanEnd, spanStart } from './text';
import { nextDate, relativeDateAt, resolveDate, type DateToken } from './dates';
import { findPeople, namesSelfOrBody } from './people';
import { findMethod } from './fields';
import { findOutcome } from './outcome';
import { splitAttempts } from './split';

/** One attempt of a 劝返 record; an AttemptView with what the rules need about its date. */
export interface Attempt extends AttemptView {
  /** `text` folded (see fold), as the parser read it: what copy detection compares. */
  folded: string;
  /** Someone in `people` did the work; false when they are only named as company (同村干部一起). */
  led: boolean;
  /** The date as written (6月12日, 3.5), or null when the attempt has none. */
  dateText: string | null;
  datePrecision: 'day' | 'month' | null;
  /** No year was written: it was taken from the reference date (see resolveDate). */
  dateInferred: boolean;
  /** A date is written but unusable: impossible (13月5日) or without a year to put it in. */
  dateProblem: 'invalid' | 'no-year' | null;
  /** No date, but a time a reader can only guess at (春节期间, 开学初): maybe a date, maybe not. */
  dateVague: boolean;
  /** No one leads, but the writer (我, 本人) or a body (学校) is the subject: someone, unnamed. */
  personUnsure: boolean;
  /** No outcome, only what was learnt (了解到孩子在外打工): maybe the result, maybe not. */
  resultUnsure: boolean;
}

export interface ParseOptions {
  /** Year for dates written without one; defaults to the reference date's. */
  year?: number;
  /** yyyy-mm-dd: a yearless date that would fall after it is put in the year before. */
  referenceDate?: string;
  /** The child's name: never taken for the person who did the work. */
  childName?: string;
}

/** Dates that are plans, not the day of the visit: 拟于12月19日, 12月19日前返校. */
const PLAN_BEFORE = /(?:拟|预计|计划|准备|约定|将|定|打算|争取|承诺|答应|保证|要求|限|截至|截止)\s*(?:在|于)?\s*$/;
const PLAN_AFTER = /^\s*(?:前|之前|以前)?\s*(?:返校|复学|入学|开学|报到|送.{0,4}返校)/;

function visitDate(body: string, lead: number): DateToken | null {
  for (let t = nextDate(body, 0); t !== null; t = nextDate(body, t.end)) {
    if (t.dotted && t.start !== lead) continue;
    if (PLAN_BEFORE.test(body.slice(Math.max(0, t.start - 4), t.start))) continue;
    if (t.start !== lead && PLAN_AFTER.test(body.slice(t.end, t.end + 8))) continue;
    return t;
  }
  return null;
}

/** 春节期间, 开学初, 近日: a time, but not a date anyone could check. */
const VAGUE_DATE = /^(?:春节|寒假|暑假|元旦|国庆|中秋|端午|清明|五一|开学|假期|周末|上周|本周|近日|近期|日前|月初|月底|年初|年底|学期初|期末)/;

/** The text of [from, to) without the separators at either end; null when nothing is left. */
function part(original: string, folded: string, from: number, to: number): string | null {
  const a = spanStart(folded, from, to);
  const b = spanEnd(folded, a, to);
  return a < b ? original.slice(a, b) : null;
}

function readAttempt(original: string, folded: string, index: number, opts: ParseOptions, year: number | undefined): Attempt {
  const lead = spanStart(folded, 0, folded.length);
  const end = spanEnd(folded, lead, folded.length);
  const token = visitDate(folded, lead);
  const relative = token ? null : relativeDateAt(folded, lead);
  const date = token ? resolveDate(token, year, opts.referenceDate) : null;
  const people = findPeople(folded, opts.childName);
  const actionFrom = token && token.start === lead ? token.end : relative ? lead + relative.length : lead;
  const outcome = findOutcome(folded, spanStart(folded, actionFrom, folded.length));
  const result = outcome.at;
  const actionTo = result !== null && result > actionFrom ? result : folded.length;
  return {
    index,
    date: date?.ok ? date.iso : null,
    people: people.names,
    led: people.led,
    method: findMethod(folded),
    action: part(original, folded, actionFrom, actionTo),
    result: result !== null && !outcome.unsure ? part(original, folded, result, folded.length) : null,
    text: original.slice(lead, end),
    folded: folded.slice(lead, end),
    dateText: token ? original.slice(token.start, token.end) : relative,
    datePrecision: date?.ok ? date.precision : null,
    dateInferred: date?.ok ? date.inferred : false,
    dateProblem: date && !date.ok ? (date.reason === 'no-year' ? 'no-year' : 'invalid') : null,
    dateVague: !token && !relative && VAGUE_DATE.test(folded.slice(lead)),
    personUnsure: !people.led && namesSelfOrBody(folded.slice(0, result ?? folded.length)),
    resultUnsure: outcome.unsure,
  };
}

/**
 * Reads a free-text 劝返过程记录 into its attempts: numbered items (1. 1、 (2) ② 第三次), else one
 * per line, else by the dates that open sentences. For each: when, who, how, what, and with what
 * result. Total: any string gives a list (blank text gives none), never an exception.
 */
export function parseRecord(text: string, opts: ParseOptions = {}): Attempt[] {
  return typeof text === 'string' ? parseFolded(text, fold(text), opts) : [];
}

/** parseRecord for a caller that has folded the text already: `folded` is fold(text). */
export function parseFolded(text: string, folded: string, opts: ParseOptions = {}): Attempt[] {
  const year = opts.year ?? (opts.referenceDate ? Number(opts.referenceDate.slice(0, 4)) : undefined);
  return splitAttempts(folded).map((s, i) =>
    readAttempt(text.slice(s.start, s.end), folded.slice(s.start, s.end), i + 1, opts, year),
  );
}

/** The attempt as the pane shows it, without the parser's working fields. */
export function attemptView(a: Attempt): AttemptView {
  // dateInferred written in the literal, not added after: an added property takes a second block.
  return a.dateInferred
    ? { index: a.index, date: a.date, people: a.people, method: a.method, action: a.action, result: a.result, text: a.text, dateInferred: true }
    : { index: a.index, date: a.date, people: a.people, method: a.method, action: a.action, result: a.result, text: a.text };
}
