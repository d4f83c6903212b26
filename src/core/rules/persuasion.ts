import type { RuleFamily } from './family';
import type { Emit, FedTableRule, RowList, RowRule, RowView, RuleContext } from './types';
import type { AttemptView, Severity } from '../model/finding';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank } from '../model/cell';
import { isAfter } from '../parse/dateAt';
import { normaliseItem } from '../find/normalise';
import { attemptView, parseFolded, type Attempt } from '../persuasion/parse';
import { fold, smallNumber, withoutSpaces } from '../persuasion/text';
import { ownerNamed } from '../persuasion/people';
import { CopyIndex } from '../persuasion/copies';

/**
 * 劝返过程记录, attempt by attempt (000 "XX月XX日XX老师进行劝返…", 004 "什么时间, 具体人员, 赴什么地方,
 * 如何开展劝返工作, 结果如何? (分次记录)", 003 "劝返记录 5 次以上 … 不得编造劝返记录").
 */

/** "见附页": the attempts are written elsewhere (004 allows 可附页), so they cannot be checked here. */
const ELSEWHERE = /^[\s(（]*详?见(?:附件|附页|附表|另页|背面)/;
/** "无", "/": a cell filled so as not to be blank, with no record in it. */
const NOTHING = /^[\s\u3000]*(?:无|暂无|没有|未开展|未劝返|[/／\\—–-]+)[\s\u3000。.]*$/;
/** How many rows a copy finding names; a bigger group is summed up as 等 N 行. */
const NAMED_ROWS = 20;

/**
 * A row's record as its rules read it. A class, not an object literal with a getter: a literal's
 * getter is a closure per row, and V8 gives each such object a map of its own in the old
 * generation, which keeps the row's parse alive until the next full collection.
 */
class ParsedRecord {
  private shown: AttemptView[] | undefined;
  constructor(
    readonly text: string,
    /** `text` folded (see fold). */
    readonly folded: string,
    /** Written elsewhere (见附页): there, not here, is where its attempts are to be checked. */
    readonly elsewhere: boolean,
    readonly attempts: Attempt[],
  ) {}

  /** The attempts as the pane shows them, built only for a row that gets a finding. */
  get views(): AttemptView[] {
    return (this.shown ??= this.attempts.map(attemptView));
  }
}

/*
 * Every rule of this family reads the row's record: it is parsed once for the row's rules and
 * let go when the next row comes, so that a million rows never hold a million parsed records.
 */
const last: { ctx: RuleContext | null; row: number; text: string; record: ParsedRecord | null } = { ctx: null, row: -1, text: '', record: null };

function parse(row: RowView, text: string, ctx: RuleContext): ParsedRecord {
  const elsewhere = ELSEWHERE.test(text);
  const childName = row.has('name') ? withoutSpaces(cellText(row.get('name'))) || undefined : undefined;
  const folded = fold(text);
  const attempts = elsewhere ? [] : parseFolded(text, folded, { referenceDate: ctx.referenceDate, childName });
  return new ParsedRecord(text, folded, elsewhere, attempts);
}

/** The row's record, or null when it has none (blank, "无", or no attempt to read). */
function recordOf(row: RowView, ctx: RuleContext): ParsedRecord | null {
  if (!row.has('persuasionRecord')) return null;
  const v = row.get('persuasionRecord');
  if (isBlank(v)) return null;
  const text = cellText(v);
  // A dozen rules ask in turn about the same row: the answer, not only the parse, is kept. The
  // row by its number, not its view: the check reads every row through the same view.
  if (last.ctx === ctx && last.row === row.row && last.text === text) return last.record;
  let record: ParsedRecord | null = null;
  if (!NOTHING.test(text)) {
    const parsed = parse(row, text, ctx);
    if (parsed.elsewhere || parsed.attempts.length > 0) record = parsed;
  }
  // One object kept and rewritten: an object per row would be garbage per row.
  last.ctx = ctx;
  last.row = row.row;
  last.text = text;
  last.record = record;
  return record;
}

/** A record that can be checked attempt by attempt. */
function checkable(row: RowView, ctx: RuleContext): ParsedRecord | null {
  const r = recordOf(row, ctx);
  return r && r.attempts.length > 0 ? r : null;
}

/** Every rule here but count-mismatch reads the record first. */
const RECORD: readonly ColumnKey[] = ['persuasionRecord'];

const numbers = (as: readonly Attempt[]) => as.map((a) => a.index).join('、');

const missing: RowRule = {
  id: 'persuasion.missing',
  needs: RECORD,
  check(row, ctx, emit) {
    if (row.has('persuasionRecord') && recordOf(row, ctx) === null) {
      emit({ key: 'persuasionRecord', rule: 'persuasion.missing', severity: 'error' });
    }
  },
};

/**
 * no-date, no-person, no-result: attempts that leave out when, who or how it ended (an error,
 * or a warning where `severity` says so); unclear-*: attempts that say it in a way a reader can
 * only guess at (春节期间, 我, 了解到…), always a warning.
 */
function lacking(rule: string, lacks: (a: Attempt) => boolean, severity: (ctx: RuleContext) => Severity = () => 'error'): RowRule {
  return {
    id: rule,
    needs: RECORD,
    check(row, ctx, emit) {
      const r = checkable(row, ctx);
      const bad = r?.attempts.filter(lacks) ?? [];
      if (!r || bad.length === 0) return;
      emit({
        key: 'persuasionRecord', rule, severity: severity(ctx),
        params: { attempts: numbers(bad), count: bad.length, total: r.attempts.length }, attempts: r.views,
      });
    },
  };
}

/**
 * 004's form asks each attempt "结果如何" (its example, the field's hint); 000's asks only when,
 * which teacher and what was said, and keeps the result in its own 劝返结果 column.
 */
function resultAsked(ctx: RuleContext): Severity {
  const record = ctx.columns.find((c) => c.key === 'persuasionRecord');
  const hint = record && 'hint' in record && typeof record.hint === 'string' ? record.hint : '';
  return hint.includes('结果') ? 'error' : 'warning';
}

const badDate: RowRule = {
  id: 'persuasion.bad-date',
  needs: RECORD,
  check(row, ctx, emit) {
    const r = checkable(row, ctx);
    const bad = r?.attempts.find((a) => a.dateProblem === 'invalid');
    if (!r || !bad) return;
    emit({
      key: 'persuasionRecord', rule: 'persuasion.bad-date', severity: 'error',
      params: { attempt: bad.index, date: bad.dateText ?? '' }, attempts: r.views,
    });
  },
};

const future: RowRule = {
  id: 'persuasion.future',
  needs: RECORD,
  check(row, ctx, emit) {
    const r = checkable(row, ctx);
    const late = r?.attempts.find((a) => a.date !== null && isAfter(a.date, ctx.referenceDate));
    if (!r || !late) return;
    emit({
      key: 'persuasionRecord', rule: 'persuasion.future', severity: 'error',
      params: { attempt: late.index, date: late.date!, referenceDate: ctx.referenceDate }, attempts: r.views,
    });
  },
};

const order: RowRule = {
  id: 'persuasion.order',
  needs: RECORD,
  check(row, ctx, emit) {
    const r = checkable(row, ctx);
    if (!r) return;
    let before: Attempt | null = null;
    for (const a of r.attempts) {
      if (a.date === null) continue;
      if (before && isAfter(before.date!, a.date)) {
        emit({
          key: 'persuasionRecord', rule: 'persuasion.order', severity: 'error',
          params: {
            earlier: before.index, earlierDate: before.date!, later: a.index, laterDate: a.date,
            inferred: before.dateInferred || a.dateInferred ? 1 : 0,
          },
          attempts: r.views,
        });
        return;
      }
      before = a;
    }
  },
};

const tooFew: RowRule = {
  id: 'persuasion.too-few',
  needs: RECORD,
  check(row, ctx, emit) {
    const min = ctx.settings.persuasionMinAttempts;
    const r = checkable(row, ctx);
    if (!r || min === undefined || r.attempts.length >= min) return;
    emit({
      key: 'persuasionRecord', rule: 'persuasion.too-few', severity: 'warning',
      params: { count: r.attempts.length, min }, attempts: r.views,
    });
  },
};

/** 劝返次数 as written: 3, "3", "3次", "三次"; null when it is not a count. */
function declaredCount(v: ReturnType<RowView['get']>): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  const m = /^\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*次?\s*$/.exec(cellText(v).normalize('NFKC'));
  return m ? smallNumber(m[1]!) : null;
}

const countMismatch: RowRule = {
  id: 'persuasion.count-mismatch',
  needs: ['persuasionCount', 'persuasionDone'],
  check(row, ctx, emit) {
    const r = recordOf(row, ctx);
    if (r?.elsewhere) return;
    const written = r?.attempts.length ?? 0;
    if (row.has('persuasionCount') && !isBlank(row.get('persuasionCount'))) {
      const declared = declaredCount(row.get('persuasionCount'));
      if (declared !== null && declared !== written) {
        emit({
          key: 'persuasionCount', rule: 'persuasion.count-mismatch', severity: 'error',
          params: { kind: 'count', declared, written }, attempts: r?.views ?? [],
        });
      }
    }
    if (row.has('persuasionDone')) {
      const done = normaliseItem(row.get('persuasionDone'));
      if ((done === '否' && written > 0) || (done === '是' && written === 0)) {
        emit({
          key: 'persuasionDone', rule: 'persuasion.count-mismatch', severity: 'error',
          params: { kind: done === '否' ? 'done-no' : 'done-yes', written }, attempts: r?.views ?? [],
        });
      }
    }
  },
};

const ownerAbsent: RowRule = {
  id: 'persuasion.owner-absent',
  needs: RECORD,
  check(row, ctx, emit) {
    if (!row.has('persuasionOwner') || isBlank(row.get('persuasionOwner'))) return;
    const r = checkable(row, ctx);
    if (!r) return;
    const owner = cellText(row.get('persuasionOwner')).trim();
    const people: string[] = [];
    for (const a of r.attempts) people.push(...a.people);
    if (ownerNamed(owner, people, r.text)) return;
    emit({ key: 'persuasionOwner', rule: 'persuasion.owner-absent', severity: 'warning', params: { owner }, attempts: r.views });
  },
};

/** 劝返结果 says the child is back (已复学, 1.已复学); a blank result counts as still out. */
function returned(row: RowView): boolean {
  const t = cellText(row.get('persuasionResult')).normalize('NFKC');
  return /已(?:复学|返校|入学|到校|就读)/.test(t) && !/未(?:复学|返校)/.test(t);
}

/** The last day a date stands for: yyyy-mm (month precision) is read as its month's end. */
function lastDay(iso: string): number {
  if (iso.length === 7) {
    const [y, m] = iso.split('-').map(Number);
    return Date.UTC(y!, m!, 0);
  }
  return Date.parse(`${iso}T00:00:00Z`);
}

const stale: RowRule = {
  id: 'persuasion.stale',
  needs: RECORD,
  check(row, ctx, emit) {
    const period = ctx.settings.reportingPeriodDays;
    if (period === undefined || !row.has('persuasionResult') || returned(row)) return;
    const r = checkable(row, ctx);
    const dated = r?.attempts.filter((a) => a.date !== null) ?? [];
    if (!r || dated.length === 0) return;
    const last = dated.reduce((a, b) => (isAfter(b.date!, a.date!) ? b : a));
    const days = Math.floor((Date.parse(`${ctx.referenceDate}T00:00:00Z`) - lastDay(last.date!)) / 86400000);
    if (days <= period) return;
    emit({
      key: 'persuasionRecord', rule: 'persuasion.stale', severity: 'warning',
      params: { last: last.date!, days, period }, attempts: r.views,
    });
  },
};

/** `group`: places in `fedRows`, the indexes in `rows` of the rows with a record. */
function emitCopies(rows: RowList, fedRows: readonly number[], group: readonly number[], ctx: RuleContext, emit: Emit): void {
  // Only the first NAMED_ROWS + 1 can be named: a big group costs its size, not its square.
  const head = group.slice(0, NAMED_ROWS + 1);
  for (const i of group) {
    const shown = head.filter((j) => j !== i).slice(0, NAMED_ROWS).map((j) => rows.view(fedRows[j]!)!);
    const others = group.length - 1;
    const row = rows.view(fedRows[i]!)!;
    const record = recordOf(row, ctx);
    emit({
      key: 'persuasionRecord', rule: 'persuasion.copied', severity: 'warning', view: row,
      params: {
        rows: shown.map((o) => o.rowOf('persuasionRecord')).join('、'),
        more: others - shown.length,
        others,
      },
      related: shown.map((o) => o.cellOf('persuasionRecord')),
      attempts: record?.views ?? [],
    });
  }
}

/** The rows with a record (their indexes in the table's rows) and their copy keys, read row by row (see copied.row). */
interface CopyFeed {
  rows: number[];
  index: CopyIndex;
}
const feeds = new WeakMap<RuleContext, CopyFeed>();

/**
 * persuasion.copied: the same record (names, dates and people aside) under different children.
 * The check feeds it each row right after the row rules (`row`), while the row's parsed record
 * is at hand; it keeps only the record's copy keys. Called without that feed, it reads the rows itself.
 */
const copied: FedTableRule = {
  id: 'persuasion.copied',
  needs: RECORD,
  row(view, ctx, index) {
    let feed = feeds.get(ctx);
    if (!feed) feeds.set(ctx, (feed = { rows: [], index: new CopyIndex() }));
    const r = recordOf(view, ctx);
    if (!r || r.elsewhere) return;
    feed.rows.push(index);
    feed.index.add(r, view.has('name') ? cellText(view.get('name')) : undefined);
  },
  check(rows, ctx, emit) {
    if (!feeds.has(ctx)) for (let i = 0; i < rows.length; i++) copied.row(rows.view(i)!, ctx, i);
    const feed = feeds.get(ctx);
    feeds.delete(ctx);
    if (feed && feed.rows.length >= 2) for (const g of feed.index.groups()) emitCopies(rows, feed.rows, g, ctx, emit);
    // The table is done: its last parsed record must not be kept once the check returns.
    last.ctx = null;
    last.row = -1;
    last.record = null;
    last.text = '';
  },
};

export const persuasionRules: RuleFamily = {
  row: [
    missing,
    lacking('persuasion.no-date', (a) => a.dateText === null && !a.dateVague),
    lacking('persuasion.unclear-date', (a) => a.dateVague, () => 'warning'),
    badDate,
    lacking('persuasion.no-person', (a) => !a.led && !a.personUnsure),
    lacking('persuasion.unclear-person', (a) => a.personUnsure, () => 'warning'),
    lacking('persuasion.no-result', (a) => a.result === null && !a.resultUnsure, resultAsked),
    lacking('persuasion.unclear-result', (a) => a.resultUnsure, () => 'warning'),
    future,
    order,
    tooFew,
    countMismatch,
    ownerAbsent,
    stale,
  ],
  table: [copied],
};
