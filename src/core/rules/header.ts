import type { Finding } from '../model/finding';
import type { BoundTable } from '../find/recognise';
import { a1 } from '../model/address';
import { renderRule, type Params } from '../../i18n/zh-CN/rules';

function at(sheet: string, row: number, col: number, column: string, rule: string, severity: Finding['severity'], params: Params): Finding {
  const text = renderRule(rule, params);
  return { sheet, cell: a1(row, col), row: row + 1, column, rule, severity, message: text.message, fix: text.fix };
}

/**
 * header.missing-column: an official column the sheet lacks (error when required);
 * header.repeated: the header pasted again inside the data (the rows under it are still checked).
 */
export function headerFindings(t: BoundTable): Finding[] {
  const out: Finding[] = [];
  const sheet = t.sheet.name;
  if (t.kind === 'ledger') {
    for (const col of t.match.missing) {
      out.push(
        at(sheet, t.match.headerRow, 0, col.label, 'header.missing-column', col.required ? 'error' : 'warning', {
          column: col.label,
          table: t.def.title,
        }),
      );
    }
    for (const r of t.repeatedHeaders) {
      out.push(at(sheet, r, 0, '', 'header.repeated', 'warning', { row: r + 1 }));
    }
  } else if (t.kind === 'totals') {
    for (const m of t.def.measures) {
      if (!t.match.measureColumns.has(m.id)) {
        out.push(at(sheet, t.match.headerRow, 0, m.label, 'header.missing-column', 'error', { column: m.label, table: t.def.title }));
      }
    }
  }
  return out;
}
