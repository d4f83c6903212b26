import type { NoticeDef } from '../tables/schema';
import { tableById } from '../tables';
import { DEFAULT_LAW } from '../tables/notices';

export type NoticeKind = 'return' | 'enrol';

/** What one notice says beyond the official wording. */
export interface NoticeFields {
  kind: NoticeKind;
  /** null: the guardian's name is left as a blank line to be written by hand. */
  guardian: string | null;
  child: string;
  school: string;
  /** yyyy-mm-dd: the day the child must report by. */
  reportBy: string;
  unit: string;
  /** yyyy-mm-dd: the date the notice is issued. */
  issueDate: string;
  /** The laws cited, in 《》 (a county profile's `law`); by default the national law alone. */
  law?: readonly string[];
}

export type LineRole = 'salutation' | 'paragraph' | 'signature';

export interface NoticeLine {
  text: string;
  role: LineRole;
}

/** The blank of the official 式样, as long as it prints there. */
export const BLANK = '________';

const DEF_ID: Record<NoticeKind, string> = { return: 'notice-return', enrol: 'notice-enrol' };

export function noticeDef(kind: NoticeKind): NoticeDef {
  const def = tableById(DEF_ID[kind]);
  if (def?.kind !== 'notice') throw new Error(`notice definition ${DEF_ID[kind]} is missing`);
  return def;
}

/** A real calendar day written yyyy-mm-dd. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function dateParts(iso: string): { year: number; month: number; day: number } {
  if (!isIsoDate(iso)) throw new Error(`not a yyyy-mm-dd date: ${iso}`);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** 2026-12-01 → 2026年12月1日, as official documents date themselves. */
export function chineseDate(iso: string): string {
  const { year, month, day } = dateParts(iso);
  return `${year}年${month}月${day}日`;
}

/**
 * The 式样 prints "_____学校": a blank, then 学校. Clerks' school names already end in
 * 小学/中学/学校, and "红旗小学学校" would read wrong, so the printed 学校 stays only after
 * names that do not end in 学 or 校.
 */
function schoolPhrase(school: string): string {
  return /[学校]$/.test(school) ? school : `${school}学校`;
}

/** The official wording of the notice with its blanks filled, line by line. */
export function noticeLines(fields: NoticeFields): { title: string; lines: NoticeLine[] } {
  const def = noticeDef(fields.kind);
  const { month, day } = dateParts(fields.reportBy);
  const fill = (key: string, whole: string): string => {
    switch (key) {
      case 'guardian': return fields.guardian ?? BLANK;
      case 'child': return fields.child;
      case 'month': return String(month);
      case 'day': return String(day);
      case 'school': return fields.school;
      case 'unit': return fields.unit;
      case 'date': return chineseDate(fields.issueDate);
      case 'law': return (fields.law?.length ? fields.law : DEFAULT_LAW).join('');
      default: throw new Error(`unknown placeholder ${whole} in ${def.id}`);
    }
  };
  const lines = def.body.map((template, i): NoticeLine => {
    const role: LineRole = /\{(unit|date)\}/.test(template) ? 'signature' : i === 0 ? 'salutation' : 'paragraph';
    // One pass, so that text filled in (a unit named "{…}") is never read as a placeholder.
    const text = template.replace(/\{(\w+)\}(学校|（单位）)?/g, (whole, key: string, after = '') => {
      if (key === 'school' && after === '学校') return schoolPhrase(fields.school);
      // "（单位）" tells the clerk what to write in the blank; once filled it is not printed.
      if (key === 'unit' && after === '（单位）') return fields.unit;
      return fill(key, whole) + after;
    });
    return { text, role };
  });
  return { title: def.title, lines };
}
