import type { Finding } from '../model/finding';
import type { BoundLedger } from '../find/recognise';
import { a1 } from '../model/address';
import { renderRule } from '../../i18n/zh-CN/rules';
import { firstText } from '../find/rowKind';

/**
 * totals.ledger-count: a 合计/总计 row under a list ("合计 共158人") states a number of
 * children other than the rows above it (a 小计, than the rows of its own part). The 合计 row
 * itself is never a child: it gets no required/serial/idcard finding.
 */
export function summaryRowFindings(t: BoundLedger): Finding[] {
  const out: Finding[] = [];
  for (const s of t.summaries) {
    if (s.kind !== 'total' || s.stated === null || s.stated === s.counted) continue;
    const row = t.sheet.rows[s.row] ?? [];
    const col = Math.max(0, row.findIndex((v) => v !== null && v !== undefined && firstText([v]) !== ''));
    const label = firstText(row).slice(0, 2);
    const rule = 'totals.ledger-count';
    const text = renderRule(rule, { label, stated: s.stated, counted: s.counted, scope: s.subtotal ? '本部分' : '上面' });
    out.push({ sheet: t.sheet.name, cell: a1(s.row, col), row: s.row + 1, column: '', rule, severity: 'error', message: text.message, fix: text.fix });
  }
  return out;
}
