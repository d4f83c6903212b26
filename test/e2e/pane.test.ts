/**
 * The Excel task pane rendered in Debian's Chromium at a task pane's width, its host stubbed
 * at the WorkbookHost interface (test/e2e/pane/harness.tsx): what the pane asks of Excel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { bundlePaneHarness, launchChromium, serveStatic } from '../../scripts/browser-kit.cjs';
import { demoLedger } from '../../scripts/demo';
import { checkWorkbook } from '../../src/core/check';
import { ui } from '../../src/i18n/zh-CN/ui';
import { paneFindings } from './helpers';

/** Excel's task pane is about 350 CSS pixels wide. */
const PANE = { width: 350, height: 900 };

let dir: string;
let server: { url: string; close: () => Promise<void> };
let chromium: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const errors: string[] = [];

const calls = () => page.evaluate(() => (window as unknown as { paneCalls: string[] }).paneCalls.slice());

beforeAll(async () => {
  dir = bundlePaneHarness(fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-pane-')));
  server = await serveStatic(dir);
  chromium = await launchChromium({ viewport: PANE });
  page = await chromium.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/index.html`);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Excel pane in Chromium, host stubbed', () => {
  it('starts empty, with every action, and fits the task pane’s width', async () => {
    await page.getByRole('heading', { name: ui.empty.title }).waitFor();
    for (const name of [ui.actions.check, ui.actions.mark, ui.actions.clear, ui.actions.review, ui.actions.repair, ui.actions.totals]) {
      await page.getByRole('button', { name, exact: true }).waitFor();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE.width);
  });

  it('检查 shows the counts and every finding of the core, grouped by sheet and rule', async () => {
    await page.getByRole('button', { name: ui.actions.check, exact: true }).click();
    const report = page.getByRole('region', { name: ui.report.regionLabel });
    await report.waitFor();
    const want = checkWorkbook({ sheets: [demoLedger()] }, { referenceDate: '2026-03-18' });
    expect(await report.getByRole('status').first().textContent()).toBe(`${ui.report.errors} ${want.counts.errors}${ui.report.warnings} ${want.counts.warnings}`);
    const shown = await paneFindings(page);
    expect(shown.map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(want.findings.map((f) => `${f.cell} ${f.rule}`).sort());
    expect(await calls()).toEqual(['readWorkbook']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE.width);
  });

  it('a click or Enter on a finding asks the host to select its cell', async () => {
    const [first, second] = await paneFindings(page);
    await page.locator(`li[data-cell="${first!.cell}"]`).first().click();
    await page.locator(`li[data-cell="${second!.cell}"]`).first().focus();
    await page.keyboard.press('Enter');
    expect((await calls()).filter((c) => c.startsWith('selectCell'))).toEqual([`selectCell 附件4!${first!.cell}`, `selectCell 附件4!${second!.cell}`]);
  });

  it('标记错误 hands every finding to the host and reports what it marked', async () => {
    await page.getByRole('button', { name: ui.actions.mark, exact: true }).click();
    const cells = new Set((await paneFindings(page)).map((f) => f.cell)).size;
    await page.getByText(ui.done.marked(cells, cells)).waitFor();
    expect(await calls()).toContain(`markFindings ${cells}`);
  });

  it('renders without a script error', () => {
    expect(errors).toEqual([]);
  });
});
