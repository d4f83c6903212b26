import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../core/check';
import { ExcelHost } from '../excel/host';
import { officeEnv } from '../excel/env';
import { keepPaneWithWorkbook } from '../excel/autoShow';
import { Pane } from '../pane/Pane';
import { fillTotals } from '../pane/fillTotals';
import { traceTotals } from '../pane/trace';
import type { PaneServices } from '../pane/services';

void Office.onReady(() => {
  const host = new ExcelHost(officeEnv());
  const services: PaneServices = {
    host,
    check: checkWorkbook,
    fillTotals,
    traceTotals,
    // The merge and the file layer load when first used: most sessions never merge.
    mergeFiles: async (files, opts) =>
      (await import('../pane/mergeFiles')).mergeFiles(files, opts, { readExternal: (base64) => host.readExternalWorkbook(base64) }),
    onChecked: keepPaneWithWorkbook,
  };
  createRoot(document.getElementById('container')!).render(
    <FluentProvider theme={webLightTheme}>
      <Pane services={services} />
    </FluentProvider>,
  );
});
