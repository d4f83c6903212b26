import { ExcelHost } from '../excel/host';
import { officeEnv } from '../excel/env';
import { spawnWorker } from '../browser/spawnWorker';
import { WorkerCheck } from '../taskpane/workerCheck';
import { checkWorkbook, today, writeReview, writeTotals } from '../pane/actions';
import { fillTotals } from '../pane/fillTotals';

/**
 * Ribbon commands that work without the pane. 检查 writes the 审核意见 sheet, which is where
 * the user reads the findings, then marks the cells; 填写汇总 fills the totals tables.
 * Failures end the command quietly: a function command has no UI to show them in.
 * (Where the bundle cannot run, Office 2016/2019, boot.es5.js answers these commands instead.)
 */
function command(action: (host: ExcelHost) => Promise<unknown>) {
  return (event: Office.AddinCommands.Event) => {
    const host = new ExcelHost(officeEnv());
    action(host)
      .catch((e: unknown) => console.error(e instanceof Error ? e.name : 'error'))
      .finally(() => event.completed());
  };
}

/** The check runs in a Web Worker, as in the pane: a long one must not hold Excel's add-in runtime. */
const checker = new WorkerCheck(spawnWorker);

void Office.onReady(() => {
  Office.actions.associate(
    'checkWorkbook',
    command(async (host) => {
      const checked = await checkWorkbook({ host, check: checker.check });
      // The sheet first: marking needs newer Excel (and notes newer office.js) than a sheet does.
      await writeReview(host, checked, today());
      await host.markFindings(checked.report.findings);
    }),
  );
  Office.actions.associate(
    'fillTotals',
    command((host) => writeTotals(host, fillTotals)),
  );
});
