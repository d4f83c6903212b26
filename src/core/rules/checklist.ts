import type { Finding } from '../model/finding';
import type { BoundChecklist } from '../find/recognise';
import type { Profile } from '../profile/schema';
import { cellText } from '../model/cell';
import { a1 } from '../model/address';
import { renderRule } from '../../i18n/zh-CN/rules';

const CODE = /B\d-\d+/;
const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** "劝返记录 5 次以上", "5 次以上劝返记录", "达到 5 次以上", "联合劝返三次以上". */
const ATTEMPTS = /劝返(?:记录)?[^；;。]{0,12}?([0-9一二两三四五六七八九十])\s*次以上|([0-9一二两三四五六七八九十])\s*次以上劝返/;

/** The number of attempts a 标准、要求 text asks for, or null when it asks for none. */
export function statedAttempts(text: string): number | null {
  const m = ATTEMPTS.exec(text.replace(/\s+/g, ''));
  const n = m?.[1] ?? m?.[2];
  return n === undefined ? null : /\d/.test(n) ? Number(n) : (CN[n] ?? null);
}

function finding(t: BoundChecklist, row: number, col: number, rule: string, params: Record<string, string | number>): Finding {
  const text = renderRule(rule, params);
  return { sheet: t.sheet.name, cell: a1(row, col), row: row + 1, column: '', rule, severity: rule === 'checklist.attempts' ? 'error' : 'warning', message: text.message, fix: text.fix };
}

/**
 * 003 附件1 档案资料清单: every official item (B2-1 … B4-9) is on the sheet (checklist.missing-item),
 * and no item asks for fewer 劝返记录 than the county requires (checklist.attempts): the
 * profile's `cases` (城口: B4-1 劝返记录 5 次以上), else the official item's own figure.
 */
export function checklistFindings(t: BoundChecklist, cases: Profile['cases'] = {}): Finding[] {
  const out: Finding[] = [];
  const standardCol = t.match.columns.get(t.def.columns[2]!.label);
  const byCode = new Map(t.match.items.map((i) => [i.code, i.row]));
  for (const item of t.def.items) {
    const code = CODE.exec(item[1] ?? '')?.[0];
    if (!code) continue;
    const title = item[1]!.replace(CODE, '').trim();
    const row = byCode.get(code);
    if (row === undefined) {
      out.push(finding(t, t.match.headerRow, 0, 'checklist.missing-item', { code, title }));
      continue;
    }
    const required = cases?.[code]?.minAttempts ?? statedAttempts(item[2] ?? '');
    if (required === null || standardCol === undefined) continue;
    const stated = statedAttempts(cellText(t.sheet.rows[row]?.[standardCol] ?? null));
    if (stated !== null && stated < required) out.push(finding(t, row, standardCol, 'checklist.attempts', { code, title, stated, required }));
  }
  return out;
}
