import { checkWorkbook as check } from '../core/check';
import { ExcelHost } from '../excel/host';
import { officeEnv } from '../excel/env';
import { keepPaneWithWorkbook } from '../excel/autoShow';
import { checkWorkbook, today, writeReview, writeTotals } from '../pane/actions';
import { fillTotals } from '../pane/fillTotals';

/**
 * Ribbon commands that work without the pane. 检查 marks the findings and writes the
 * 审核意见 sheet, which is where the user reads them; 填写汇总 fills the totals tables.
 * Failures end the command quietly: a function command has no UI to show them in.
 */
function command(action: (host: ExcelHost) => Promise<unknown>) {
  return (event: Office.AddinCommands.Event) => {
    const host = new ExcelHost(officeEnv());
    action(host)
      .catch((e: unknown) => console.error(e instanceof Error ? e.name : 'error'))
      .finally(() => event.completed());
  };
}

void Office.onReady(() => {
  Office.actions.associate(
    'checkWorkbook',
    command(async (host) => {
      const checked = await checkWorkbook({ host, check });
      await host.markFindings(checked.report.findings);
      await writeReview(host, checked, today());
      await keepPaneWithWorkbook();
    }),
  );
  Office.actions.associate(
    'fillTotals',
    command((host) => writeTotals(host, fillTotals)),
  );
});
