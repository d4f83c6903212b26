import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import type { CheckReport } from '../core/check';
import { ui } from '../i18n/zh-CN/ui';
import type { ChildOf } from './child';
import { reviewRows } from './reviewRows';

export const PRINT_CLASS = 'baoxue-print';

/**
 * On paper only the 审核意见 shows: the screen (buttons, grid, pane) is not printed. Plain CSS,
 * as the print view lives outside Fluent's provider.
 */
const PRINT_CSS = `
@media screen { .${PRINT_CLASS} { display: none; } }
@media print {
  body > :not(.${PRINT_CLASS}) { display: none !important; }
  html, body { height: auto !important; overflow: visible !important; }
  .${PRINT_CLASS} { display: block; font-size: 10pt; color: #000; }
  .${PRINT_CLASS} h1 { font-size: 14pt; margin: 0 0 4pt; }
  .${PRINT_CLASS} table { border-collapse: collapse; width: 100%; }
  .${PRINT_CLASS} th, .${PRINT_CLASS} td { border: 0.5pt solid #666; padding: 2pt 4pt; text-align: left; vertical-align: top; }
  .${PRINT_CLASS} thead { display: table-header-group; }
  .${PRINT_CLASS} td:nth-child(-n+7), .${PRINT_CLASS} th:nth-child(-n+7) { white-space: nowrap; }
  .${PRINT_CLASS} tr { break-inside: avoid; }
  @page { size: A4 landscape; margin: 12mm; }
}`;

/** The 审核意见 as a printed page: by child, errors first, as in the sheet. */
function PrintView({ report, childOf, title, date }: { report: CheckReport; childOf: ChildOf; title: string; date: string }) {
  const r = ui.review;
  const rows = reviewRows(report, childOf);
  return (
    <section className={PRINT_CLASS}>
      <style>{PRINT_CSS}</style>
      <h1>{title}</h1>
      <p>{r.summary(date, report.counts.errors, report.counts.warnings)}</p>
      {rows.length === 0 ? (
        <p>{r.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {r.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ finding: f, name, serial }, i) => (
              <tr key={i} data-severity={f.severity}>
                <td>{i + 1}</td>
                <td>{name || r.noChild}</td>
                <td>{serial}</td>
                <td>{f.sheet}</td>
                <td>{f.cell}</td>
                <td>{f.column}</td>
                <td>{ui.severity[f.severity]}</td>
                <td>{f.message}</td>
                <td>{f.fix}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * 打印审核意见 and the browser's own print (Ctrl+P) both print the findings: the print view is
 * put into the page just before printing (a long report is not kept in the page meanwhile).
 */
export function usePrint(report: CheckReport | null, print: (() => void) | undefined) {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!report) return;
    const before = () => flushSync(() => setPrinting(true));
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [report]);
  const onPrint =
    report && print
      ? () => {
          flushSync(() => setPrinting(true));
          print();
        }
      : null;
  const view = (props: { childOf: ChildOf; title: string; date: string }) =>
    printing && report ? createPortal(<PrintView report={report} {...props} />, document.body) : null;
  return { onPrint, view };
}
