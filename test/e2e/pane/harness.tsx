/**
 * The Excel task pane (src/pane) in a plain page, its host stubbed at the WorkbookHost
 * interface: what Excel would show, without Excel. Bundled by bundlePaneHarness
 * (scripts/browser-kit.cjs) for test/e2e/pane.test.ts and `npm run screenshots`.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Pane } from '../../../src/pane/Pane';
import { fillTotals } from '../../../src/pane/fillTotals';
import { traceTotals } from '../../../src/pane/trace';
import { mergeFiles } from '../../../src/pane/mergeFiles';
import { checkWorkbook } from '../../../src/core/check';
import type { MarkResult, WorkbookHost } from '../../../src/host/types';
import type { WorkbookGrid } from '../../../src/core/model/workbook';
import type { Finding } from '../../../src/core/model/finding';
import { demoLedger } from '../../../scripts/demo';

/** Every call the pane makes, for the test to read (window.paneCalls). */
const calls: string[] = [];
(window as unknown as { paneCalls: string[] }).paneCalls = calls;

class FakeHost implements WorkbookHost {
  private readonly grid: WorkbookGrid = { sheets: [demoLedger()] };
  async readWorkbook() {
    calls.push('readWorkbook');
    return this.grid;
  }
  async readSheet(name: string) {
    return this.grid.sheets.find((s) => s.name === name)!;
  }
  async markFindings(findings: readonly Finding[]): Promise<MarkResult> {
    const cells = new Set(findings.map((f) => `${f.sheet}!${f.cell}`)).size;
    calls.push(`markFindings ${cells}`);
    return { cells, notes: cells, withoutNote: 0 };
  }
  async clearMarks() {
    calls.push('clearMarks');
  }
  async writeCells(sheet: string) {
    calls.push(`writeCells ${sheet}`);
  }
  async addSheet(spec: { name: string }) {
    calls.push(`addSheet ${spec.name}`);
  }
  async selectCell(sheet: string, cell: string) {
    calls.push(`selectCell ${sheet}!${cell}`);
  }
  async repairValidations(sheet: string) {
    calls.push(`repairValidations ${sheet}`);
  }
  async getSelection() {
    return { sheet: '附件4', a1: 'A1' };
  }
}

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Pane services={{ host: new FakeHost(), check: checkWorkbook, fillTotals, traceTotals, mergeFiles, today: () => '2026-03-18' }} />
  </FluentProvider>,
);
