import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ExcelHost } from '../excel/host';
import { officeEnv } from '../excel/env';
import { autoShowOn, autoShowSupported, setAutoShow } from '../excel/autoShow';
import { spawnWorker } from '../browser/spawnWorker';
import { Pane } from '../pane/Pane';
import { fillTotals } from '../pane/fillTotals';
import { traceTotals } from '../pane/trace';
import type { PaneServices } from '../pane/services';
import { watchSelection } from '../excel/watchSelection';
import { WorkerCheck } from './workerCheck';
import { CheckProgressBar } from './CheckProgressBar';
import { AutoOpenSwitch } from './AutoOpenSwitch';

void Office.onReady(() => {
  const host = new ExcelHost(officeEnv());
  // The check runs in a Web Worker: a long one must not hold the pane (Office restarts it after 5 s).
  const checker = new WorkerCheck(spawnWorker);
  const services: PaneServices = {
    host,
    check: checker.check,
    fillTotals,
    traceTotals,
    // The merge and the file layer load when first used: most sessions never merge.
    // Clicking a marked cell in the sheet shows its finding in the pane.
    watchSelection: (listener) =>
      watchSelection(Office.context.document, Office.EventType.DocumentSelectionChanged, () => host.getSelection(), listener),
    mergeFiles: async (files, opts) =>
      (await import('../pane/mergeFiles')).mergeFiles(files, opts, { readExternal: (base64) => host.readExternalWorkbook(base64) }),
  };
  createRoot(document.getElementById('container')!).render(
    <FluentProvider theme={webLightTheme}>
      <CheckProgressBar runner={checker} />
      <Pane services={services} />
      {autoShowSupported() && <AutoOpenSwitch setting={{ on: autoShowOn, set: setAutoShow }} />}
    </FluentProvider>,
  );
});
