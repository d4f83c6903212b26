import type { BoundTable } from '../find/recognise';
import type { RowView } from '../rules/types';
import type { ColumnKey } from '../tables/schema';
import { cellText, isBlank, type CellValue } from '../model/cell';
import { normaliseItem } from '../find/normalise';
import { GUARDIAN_BLANK_NOTE, SHORTFALL_TEXT, type ShortfallCode } from '../../i18n/zh-CN/notices';
import { isIsoDate, type NoticeFields, type NoticeKind } from './wording';

export interface NoticeOptions {
  /** Which notice every chosen child gets; by default the table's own (see SOURCES). */
  kind?: NoticeKind;
  /** yyyy-mm-dd: the day to report by (月/日 of the notice). */
  reportBy: string;
  /** The issuing unit, printed above the date. */
  unit: string;
  /** yyyy-mm-dd: the date the notice is issued. */
  issueDate: string;
  /** Excel rows of the chosen children; by default every child not yet back in school. */
  rows?: number[];
  /** 'blank': a child without a guardian's name still gets a notice, with a line to write the name by hand. */
  guardianFallback?: 'blank';
  /** The laws the notices cite (a county profile's `law`); by default the national law alone. */
  law?: readonly string[];
}

export interface Notice {
  sheet: string;
  /** Excel row of the child's record (of the form's title for 一生一表). */
  row: number;
  fields: NoticeFields;
}

/** A child who got no notice, or one with a blank to fill by hand. Holds the child's name: for the clerk, never for logs. */
export interface Shortfall {
  sheet: string;
  row: number;
  child: string;
  codes: ShortfallCode[];
  /** The reasons in Chinese. */
  reason: string;
}

export interface NoticeSelection {
  notices: Notice[];
  /** Children given no notice, and why. */
  lacking: Shortfall[];
  /** Children whose notice was printed with the guardian left blank. */
  handFill: Shortfall[];
}

interface Source {
  kind: NoticeKind;
  /** Column holding the school the child reports to. */
  schoolKey: ColumnKey;
  /** Still out of school: chosen when the user names no rows. */
  pending(row: RowView): boolean;
}

/** "1.已复学", "已复学": anything else (尚未复学, 未复学, blank) is not yet back. */
const RETURNED = /^(?:\d[.、．]?)?已复学/;
const returned = (v: CellValue | undefined) => RETURNED.test(normaliseItem(v));
const nobody = () => false;

/**
 * The tables notices are made from. Dropout lists get the 复学通知书 (003's 限期复学通知书);
 * the 残疾儿童就学台账, whose children 未入学 never enrolled, gets the 入学通知书. Lists whose
 * rows are not all out of school (摸排情况统计表) give notices only for rows the user picks.
 * 送教上门 children are in schooling and get none.
 */
const SOURCES: Record<string, Source> = {
  'dropout-ledger': { kind: 'return', schoolKey: 'school', pending: (r) => !returned(r.get('persuasionResult')) },
  'ganxian-return': { kind: 'return', schoolKey: 'school', pending: (r) => isBlank(r.get('returnDate')) },
  'jiangxi-form': { kind: 'return', schoolKey: 'school', pending: (r) => !returned(r.get('persuasionResult')) },
  // 缓学休学 is a granted deferral (003 B4-4/B4-5): no deadline to return is sent for it.
  'ganxian-register': { kind: 'return', schoolKey: 'school', pending: (r) => normaliseItem(r.get('registrationType')) !== '缓学休学' },
  'wafangdian-individual': { kind: 'return', schoolKey: 'school', pending: (r) => normaliseItem(r.get('returnStatus')) === '否' },
  'ganxian-disabled': { kind: 'enrol', schoolKey: 'school', pending: (r) => /^(否|未入学)$/.test(normaliseItem(r.get('enrolled'))) },
  'survey-ledger': { kind: 'return', schoolKey: 'school', pending: nobody },
};

export function canIssueNotices(table: BoundTable): boolean {
  return table.kind !== 'totals' && table.def.id in SOURCES;
}

/** Names and schools as printed: outer spaces trimmed; a Chinese name padded to width ("张  三") closed up. */
function printable(v: CellValue | undefined): string {
  const s = cellText(v).trim();
  return /^[\p{Script=Han}\s\u3000]+$/u.test(s) ? s.replace(/[\s\u3000]+/g, '') : s.replace(/\s+/g, ' ');
}

function shortfall(sheet: string, row: number, child: string, codes: ShortfallCode[], note?: string): Shortfall {
  const reasons = codes.map((c) => SHORTFALL_TEXT[c]);
  if (note) reasons.push(note);
  return { sheet, row, child, codes, reason: reasons.join('；') };
}

function guardianOf(view: RowView): { name: string; missing: ShortfallCode | null } {
  if (!view.has('guardian') && !view.has('guardian2')) return { name: '', missing: 'no-guardian-column' };
  const name = printable(view.get('guardian')) || printable(view.get('guardian2'));
  return { name, missing: name ? null : 'no-guardian' };
}

/**
 * The notices for one recognised table: the rows the user picked, or everyone not yet back in
 * school. A child the notice cannot be filled for is listed with the reason, never dropped.
 */
export function selectNotices(table: BoundTable, opts: NoticeOptions): NoticeSelection {
  if (table.kind === 'totals' || !(table.def.id in SOURCES)) throw new Error(`no notices from ${table.def.id}`);
  for (const d of [opts.reportBy, opts.issueDate]) if (!isIsoDate(d)) throw new Error(`not a yyyy-mm-dd date: ${d}`);
  const source = SOURCES[table.def.id]!;
  const sheet = table.sheet.name;
  const byRow = new Map(table.views.map((v) => [v.row + 1, v]));
  const out: NoticeSelection = { notices: [], lacking: [], handFill: [] };

  const chosen: { row: number; view?: RowView }[] = opts.rows
    ? [...new Set(opts.rows)].sort((a, b) => a - b).map((row) => ({ row, view: byRow.get(row) }))
    : table.views.filter((v) => source.pending(v)).map((v) => ({ row: v.row + 1, view: v }));

  for (const { row, view } of chosen) {
    if (!view) {
      out.lacking.push(shortfall(sheet, row, '', ['not-a-child-row']));
      continue;
    }
    const child = printable(view.get('name'));
    const school = printable(view.get(source.schoolKey));
    const guardian = guardianOf(view);
    const codes: ShortfallCode[] = [];
    if (!child) codes.push('no-name');
    if (!view.has(source.schoolKey)) codes.push('no-school-column');
    else if (!school) codes.push('no-school');
    const blankGuardian = guardian.missing !== null && opts.guardianFallback === 'blank';
    if (codes.length > 0 || (guardian.missing && !blankGuardian)) {
      // Everything the child lacks is listed, so one look tells the clerk what to find out.
      out.lacking.push(shortfall(sheet, row, child, guardian.missing ? [...codes, guardian.missing] : codes));
      continue;
    }
    if (guardian.missing) out.handFill.push(shortfall(sheet, row, child, [guardian.missing], GUARDIAN_BLANK_NOTE));
    out.notices.push({
      sheet,
      row,
      fields: {
        kind: opts.kind ?? source.kind,
        guardian: blankGuardian ? null : guardian.name,
        child,
        school,
        reportBy: opts.reportBy,
        unit: opts.unit,
        issueDate: opts.issueDate,
        ...(opts.law ? { law: opts.law } : {}),
      },
    });
  }
  return out;
}

/** The notices of every table of a workbook that notices are made from, in sheet order. */
export function collectNotices(tables: readonly BoundTable[], opts: Omit<NoticeOptions, 'rows'>): NoticeSelection {
  const all: NoticeSelection = { notices: [], lacking: [], handFill: [] };
  for (const t of tables.filter(canIssueNotices)) {
    const s = selectNotices(t, opts);
    all.notices.push(...s.notices);
    all.lacking.push(...s.lacking);
    all.handFill.push(...s.handFill);
  }
  return all;
}
