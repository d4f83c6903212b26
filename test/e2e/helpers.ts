import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/browser-kit.cjs';
import { browser } from '../../src/i18n/zh-CN/browser';

export const SAMPLES = path.resolve(ROOT, '..', 'shared', 'samples');

export interface PaneFinding {
  sheet: string;
  cell: string;
  rule: string;
  row: number;
}

/** The findings the pane lists (each item carries its sheet, cell and rule). */
export async function paneFindings(page: Page): Promise<PaneFinding[]> {
  const items = await page.$$eval('li[data-rule]', (els) =>
    els.map((e) => ({ sheet: e.getAttribute('data-sheet')!, cell: e.getAttribute('data-cell')!, rule: e.getAttribute('data-rule')! })),
  );
  return items.map((f) => ({ ...f, row: Number(/\d+$/.exec(f.cell)?.[0]) }));
}

/** The page's own file picker (the pane has another, for 合并工作簿). */
export const pickFile = (page: Page, file: string) => page.getByLabel(browser.pickLabel).setInputFiles(file);

export async function openThroughPicker(page: Page, file: string): Promise<void> {
  await pickFile(page, file);
  await page.getByLabel(`当前文件：${path.basename(file)}`).waitFor();
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
}

/** Clicks 检查 and waits for the report. */
export async function check(page: Page): Promise<void> {
  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 60_000 });
}

/** Clicks one of the pane's buttons and waits for its message. */
export async function act(page: Page, button: string, message: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(message).waitFor({ timeout: 60_000 });
}

/** Saves through the page and returns the download's name and bytes. */
export async function saveCopy(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '另存为（已检查）' }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-download-')), 'saved.xlsx');
  await download.saveAs(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { name: download.suggestedFilename(), bytes };
}

export interface SheetDescription {
  state: string;
  values: unknown[][];
  merges: string[];
  widths: Record<string, number>;
  validations: { sqref: string; type: string; formula1: string | null }[];
  fills: Record<string, string>;
  styles: Record<string, unknown[]>;
}
export type WorkbookDescription = Record<string, SheetDescription> & { _x14: string[] };

/** What openpyxl reads in a workbook (test/e2e/describe_workbook.py). */
export function describeWorkbook(bytesOrPath: Uint8Array | string): WorkbookDescription {
  let file = bytesOrPath as string;
  let dir: string | null = null;
  if (typeof bytesOrPath !== 'string') {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-describe-'));
    file = path.join(dir, 'book.xlsx');
    fs.writeFileSync(file, bytesOrPath);
  }
  try {
    const run = spawnSync('/usr/bin/python3', [path.join(__dirname, 'describe_workbook.py'), file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as WorkbookDescription;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
