import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook } from '../core/check';
import { ExcelHost } from '../excel/host';
import { officeEnv } from '../excel/env';
import { keepPaneWithWorkbook } from '../excel/autoShow';
import { Pane } from '../pane/Pane';
import { fillTotals } from '../pane/fillTotals';
import type { PaneServices } from '../pane/services';

void Office.onReady(() => {
  const services: PaneServices = {
    host: new ExcelHost(officeEnv()),
    check: checkWorkbook,
    fillTotals,
    onChecked: keepPaneWithWorkbook,
  };
  createRoot(document.getElementById('container')!).render(
    <FluentProvider theme={webLightTheme}>
      <Pane services={services} />
    </FluentProvider>,
  );
});
