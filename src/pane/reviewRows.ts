import type { CheckReport } from '../core/check';
import type { Finding } from '../core/model/finding';
import type { ChildOf } from './child';

/** One line of the 审核意见: a finding and the child it is about (null: the table as a whole). */
export interface ReviewRow {
  finding: Finding;
  name: string;
  serial: string;
}

const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);

/**
 * The findings as a school acts on them: grouped by child (in the sheet's order), errors before
 * warnings within each child; findings about no one child (totals, headers) first, as they
 * concern the whole table. The sheet order is the report's.
 */
export function reviewRows(report: CheckReport, childOf: ChildOf): ReviewRow[] {
  const sheets = [...new Set(report.findings.map((f) => f.sheet))];
  const keyed = report.findings.map((finding, i) => ({ finding, i, child: childOf(finding) }));
  keyed.sort(
    (a, b) =>
      Number(a.child !== null) - Number(b.child !== null) ||
      sheets.indexOf(a.finding.sheet) - sheets.indexOf(b.finding.sheet) ||
      (a.child && b.child ? a.finding.row - b.finding.row : 0) ||
      rank(a.finding) - rank(b.finding) ||
      a.i - b.i,
  );
  return keyed.map((k) => ({ finding: k.finding, name: k.child?.name ?? '', serial: k.child?.serial ?? '' }));
}
