/**
 * The browser page end to end, in Debian's Chromium: the production build served from
 * 127.0.0.1, each sample workbook opened through the file picker, checked, filled, marked,
 * repaired and saved, and the saved file read back in node (file layer and openpyxl).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, launchChromium, ROOT, serveStatic } from '../../scripts/browser-kit.cjs';
import { DEMO_FAULTS, demoWorkbook } from '../../scripts/demo';
import { wafangdianSheet } from '../../bench/generate';
import { checkWorkbook } from '../../src/core/check';
import { cellText } from '../../src/core/model/cell';
import { a1, parseA1 } from '../../src/core/model/address';
import { createWorkbook, readWorkbook } from '../../src/io/xlsx';
import { fillTotals } from '../../src/pane/fillTotals';
import { repairPlan } from '../../src/pane/repairPlan';
import { checkedName } from '../../src/browser/checkedName';
import { DEMO_FILE } from '../../src/browser/demo';
import { browser as words } from '../../src/i18n/zh-CN/browser';
import { ui } from '../../src/i18n/zh-CN/ui';
import { act, check, describeWorkbook, openThroughPicker, paneFindings, pickFile, SAMPLES, saveCopy, type PaneFinding } from './helpers';
import { writeMergeSet } from '../cli/mergeSet';
import { mergeFiles } from '../../src/pane/mergeFiles';

/** The samples were filled in March 2026; the page's clock is set to that day. */
const TODAY = '2026-03-18';
/** The production build, shared with `npm run screenshots`. */
const OUT = path.join(ROOT, '.tmp', 'web');

interface Expect {
  sheet: string;
  row?: number;
  cell?: string;
  rule: string;
}
interface KeyEntry {
  expect: Expect[];
  totals?: { sheet: string; rows: Record<string, Record<string, number>> };
  preserve?: { x14_ref: string; hidden_sheet: string };
}
const KEY: Record<string, KeyEntry> = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'key.json'), 'utf8'));
const FILES = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')).sort();
const WITH_TOTALS = FILES.filter((f) => KEY[f]?.totals);
/** 附件5's columns after 地市 and 区县: 合计, A–M, 复学人数. */
const TOTAL_IDS = ['all', ...'ABCDEFGHIJKLM'.split(''), 'ret'];

let server: { url: string; close: () => Promise<void> };
let chromium: { context: BrowserContext; close: () => Promise<void> };
let work: string;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  buildWeb(OUT);
  server = await serveStatic(OUT);
  chromium = await launchChromium();
  chromium.context.on('request', (r) => requests.push(r.url()));
  await chromium.context.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-e2e-'));
}, 600_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(query = ''): Promise<Page> {
  const page = await chromium.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/browser.html${query}`);
  return page;
}

/** Shows every finding (the pane lists 30 per rule before "显示更多"). */
async function allFindings(page: Page): Promise<PaneFinding[]> {
  const more = page.getByRole('button', { name: /^显示更多/ });
  while ((await more.count()) > 0) await more.first().click();
  return paneFindings(page);
}

function coreFindings(bytes: Uint8Array) {
  return checkWorkbook(readWorkbook(bytes), { referenceDate: TODAY }).findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
}

const matches = (f: PaneFinding, e: Expect) =>
  f.sheet === e.sheet && (e.row === undefined || f.row === e.row) && (e.cell === undefined || f.cell === e.cell) && e.rule.split('|').some((r) => f.rule.startsWith(r));

/** The row of 附件5 whose first cells hold `label` (区县 or 总计). */
function totalsRow(values: unknown[][], label: string): unknown[] {
  const row = values.find((r) => r[0] === label || r[1] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

describe('the browser page', () => {
  it('says on the page that the file stays in the browser, and allows no network, in the page or its worker', async () => {
    const page = await newPage();
    await page.getByText(words.privacy).waitFor();
    // The worker, and the file layer inside it, load only when a file is opened.
    expect(page.workers()).toEqual([]);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const fetched = await fetch('http://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 50));
      // The page's policy comes twice (meta tag and header); each reports the same violation.
      return { fetched, violations: [...new Set(violations)] };
    });
    expect(outcome).toEqual({ fetched: 'blocked', violations: ['connect-src'] });

    await openThroughPicker(page, path.join(SAMPLES, 'ganxian.xlsx'));
    const inWorker = await page.workers()[0]!.evaluate(async () => {
      const violations: string[] = [];
      self.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const fetched = await fetch('http://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 50));
      return { fetched, violations: [...new Set(violations)] };
    });
    expect(inWorker).toEqual({ fetched: 'blocked', violations: ['connect-src'] });
    await page.close();
  });

  it('says in Chinese why a file that is not a workbook cannot be opened', async () => {
    const bad = path.join(work, '不是表格.xlsx');
    fs.writeFileSync(bad, '姓名,身份证\n');
    const reason = (() => {
      try {
        readWorkbook(new Uint8Array(fs.readFileSync(bad)));
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    const page = await newPage();
    await pickFile(page, bad);
    await page.getByText(words.openFailed('不是表格.xlsx', reason)).waitFor();
    await page.close();
  });

  it.each(FILES)('%s: opened through the file picker, 检查 lists the planted faults and what the core finds', async (file) => {
    const input = path.join(SAMPLES, file);
    const page = await newPage();
    await openThroughPicker(page, input);
    await check(page);
    const found = await allFindings(page);
    expect(KEY[file]!.expect.filter((e) => !found.some((f) => matches(f, e)))).toEqual([]);
    expect(found.map((f) => `${f.sheet}!${f.cell} ${f.rule}`).sort()).toEqual(coreFindings(new Uint8Array(fs.readFileSync(input))).sort());
    await page.close();
  });

  it.each(WITH_TOTALS)('%s: 填写汇总 and 另存为 write the key totals and change nothing else', async (file) => {
    const input = path.join(SAMPLES, file);
    const key = KEY[file]!.totals!;
    const page = await newPage();
    await openThroughPicker(page, input);
    await check(page);
    await act(page, ui.actions.totals, ui.done.totals(1));
    const saved = await saveCopy(page);
    expect(saved.name).toBe(checkedName(file));

    const want = (label: string) => TOTAL_IDS.map((id) => key.rows[label]![id]);
    const ours = readWorkbook(saved.bytes).sheets.find((s) => s.name === key.sheet)!.rows;
    const before = describeWorkbook(input);
    const after = describeWorkbook(saved.bytes);
    for (const label of Object.keys(key.rows)) {
      expect(totalsRow(ours, label).slice(2, 17)).toEqual(want(label));
      expect(totalsRow(after[key.sheet]!.values, label).slice(2, 17)).toEqual(want(label));
    }
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after._x14).toEqual(before._x14);
    for (const sheet of Object.keys(before).filter((n) => n !== '_x14')) {
      const a = after[sheet]!;
      const b = before[sheet]!;
      const totalRows = sheet === key.sheet ? Object.keys(key.rows).map((l) => totalsRow(b.values, l)) : [];
      const untouched = (values: unknown[][]) => values.filter((_, i) => !totalRows.includes(b.values[i]!));
      expect({ ...a, values: untouched(a.values) }).toEqual({ ...b, values: untouched(b.values) });
    }
    if (KEY[file]!.preserve) {
      expect(after._x14.join()).toContain(KEY[file]!.preserve!.x14_ref);
      expect(after[KEY[file]!.preserve!.hidden_sheet]!.state).toBe('hidden');
    }
    await page.close();
  });

  it('clicking a finding shows its cell in the grid view', async () => {
    const input = path.join(SAMPLES, 'wafangdian.xlsx');
    const page = await newPage();
    await openThroughPicker(page, input);
    await check(page);
    const target = (await paneFindings(page)).filter((f) => f.sheet === '附件4').at(-1)!;
    await page.locator(`li[data-cell="${target.cell}"][data-rule="${target.rule}"]`).click();
    const cell = page.locator('td[data-selected]');
    await cell.waitFor();
    expect(await cell.getAttribute('data-cell')).toBe(target.cell);
    const at = parseA1(target.cell)!;
    const value = readWorkbook(new Uint8Array(fs.readFileSync(input))).sheets[0]!.rows[at.row]![at.col];
    expect(await cell.textContent()).toBe(cellText(value));
    const box = (await cell.boundingBox())!;
    const view = (await page.getByRole('region', { name: words.gridLabel('附件4') }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(view.y);
    expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height);
    await page.close();
  });

  it('标记错误 fills the faulty cells of the saved copy, 清除标记 gives back their own fills; values never change', async () => {
    const input = path.join(SAMPLES, 'dropout_ledger.xlsx');
    const before = describeWorkbook(input);
    const page = await newPage();
    await openThroughPicker(page, input);
    await check(page);
    const findings = await allFindings(page);
    await page.getByRole('button', { name: ui.actions.mark, exact: true }).click();
    await page.getByText(/^已标记 \d+ 个单元格/).waitFor();
    expect(await page.locator('td[data-mark]').count()).toBeGreaterThan(0);
    const marked = describeWorkbook((await saveCopy(page)).bytes);
    const errors = findings.filter((f) => KEY['dropout_ledger.xlsx']!.expect.some((e) => matches(f, e)));
    for (const f of errors) expect([f.cell, marked[f.sheet]!.fills[f.cell]]).toEqual([f.cell, expect.stringMatching(/^(FFC7CE|FFEB9C)$/)]);
    for (const sheet of Object.keys(before).filter((n) => n !== '_x14')) expect(marked[sheet]!.values).toEqual(before[sheet]!.values);

    await act(page, ui.actions.clear, ui.done.cleared);
    expect(await page.locator('td[data-mark]').count()).toBe(0);
    const cleared = describeWorkbook((await saveCopy(page)).bytes);
    expect(cleared).toEqual(before);
    await page.close();
  });

  it('修复下拉菜单 puts the official dropdowns back on a copy that lost them', async () => {
    const stripped = path.join(work, '没有下拉菜单.xlsx');
    execFileSync('/usr/bin/python3', [
      '-W', 'ignore', '-c',
      'import sys\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1])\nfor ws in wb: ws.data_validations.dataValidation = []\nwb.save(sys.argv[2])',
      path.join(SAMPLES, 'wafangdian.xlsx'), stripped,
    ]);
    expect(describeWorkbook(stripped)['附件4']!.validations).toEqual([]);
    const plan = repairPlan(readWorkbook(new Uint8Array(fs.readFileSync(stripped))));
    const page = await newPage();
    await openThroughPicker(page, stripped);
    await act(page, ui.actions.repair, ui.done.repaired(plan.reduce((n, p) => n + p.validations.length + p.values.length, 0)));
    const after = describeWorkbook((await saveCopy(page)).bytes);
    for (const p of plan) {
      const got = after[p.sheet]!.validations.map((v) => [v.sqref, v.type, v.formula1]);
      expect(got).toEqual(p.validations.map((v) => [v.sqref, 'list', `"${(v.list as string[]).join(',')}"`]));
    }
    await page.close();
  });

  it('追溯汇总数 traces the totals cell clicked in the grid view to its detail rows, and a row to its cell', async () => {
    const page = await newPage();
    await openThroughPicker(page, path.join(SAMPLES, 'wafangdian.xlsx'));
    await page.getByRole('tab', { name: '附件5' }).click();
    await page.locator('table[data-sheet="附件5"] td[data-cell="N4"]').click();
    await page.getByRole('button', { name: ui.actions.trace, exact: true }).click();
    const trace = page.getByRole('region', { name: ui.trace.regionLabel });
    await trace.getByText(ui.trace.figure(KEY['wafangdian.xlsx']!.totals!.rows['瓦房店市']!['K']!)).waitFor();
    const row = trace.getByRole('button').filter({ hasText: /^第 \d+ 行/ }).first();
    const cell = (await row.getAttribute('data-cell'))!;
    await row.click();
    await page.locator(`table[data-sheet="附件4"] td[data-selected][data-cell="${cell}"]`).waitFor();
    await page.close();
  });

  it('合并工作簿 merges the schools’ files in the worker and downloads the county workbook', async () => {
    const dir = path.join(work, '各校');
    await writeMergeSet(dir);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.xls')).sort();
    const school = files.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(dir, f))) }));
    const want = await mergeFiles(school, { existingSheets: [], referenceDate: TODAY });
    const page = await newPage('?demo=1');
    await page.getByLabel(`当前文件：${DEMO_FILE}`).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByLabel(ui.merge.pickLabel).setInputFiles(files.map((f) => path.join(dir, f))),
    ]);
    expect(download.suggestedFilename()).toBe(words.mergedFile(want.title!));
    const saved = path.join(work, 'merged.xlsx');
    await download.saveAs(saved);
    expect(readWorkbook(new Uint8Array(fs.readFileSync(saved)))).toEqual(readWorkbook(createWorkbook(want.workbook!)));
    await page.getByText(ui.merge.summary(want.title!, files.length, want.inputs.filter((i) => i.status === 'merged').length, want.rows)).waitFor();
    // The open workbook is not touched: its sheets are as they were.
    expect(await page.getByRole('tab').count()).toBe(2);
    for (const name of ['附件4', '附件5']) expect(await page.getByRole('tab', { name, exact: true }).count()).toBe(1);
    await page.close();
  });

  it('opens a file dropped onto the page', async () => {
    const page = await newPage();
    const b64 = fs.readFileSync(path.join(SAMPLES, 'ganxian.xlsx')).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '拖进来的.xlsx'));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.getByLabel('当前文件：拖进来的.xlsx').waitFor();
    await check(page);
    expect((await paneFindings(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('?demo=1 opens the shipped demo workbook, whose planted faults 检查 finds and whose totals 填写汇总 fills', async () => {
    const demo = fs.readFileSync(path.join(ROOT, 'samples', DEMO_FILE));
    expect(readWorkbook(new Uint8Array(demo))).toEqual(readWorkbook(demoWorkbook()));
    const page = await newPage('?demo=1');
    await page.getByLabel(`当前文件：${DEMO_FILE}`).waitFor();
    await check(page);
    const found = await paneFindings(page);
    const missed = DEMO_FAULTS.filter((d) => !found.some((f) => f.sheet === '附件4' && f.row === d.row && d.rules.some((r) => f.rule.startsWith(r))));
    expect(missed).toEqual([]);
    const faulty = new Set(DEMO_FAULTS.map((d) => d.row));
    expect(found.filter((f) => f.sheet === '附件4' && !faulty.has(f.row))).toEqual([]);

    await act(page, ui.actions.totals, ui.done.totals(1));
    await page.getByRole('tab', { name: '附件5' }).click();
    const write = fillTotals(readWorkbook(new Uint8Array(demo)))[0]!;
    if (write.kind !== 'cells') throw new Error('the demo fills 附件5 in place');
    for (const c of write.cells.slice(0, 5)) {
      await page.locator(`table[data-sheet="附件5"] td[data-cell="${a1(c.row, c.col)}"]`).getByText(cellText(c.value), { exact: true }).waitFor();
    }
    const saved = await saveCopy(page);
    expect(saved.name).toBe(checkedName(DEMO_FILE));
    const before = describeWorkbook(path.join(ROOT, 'samples', DEMO_FILE));
    const after = describeWorkbook(saved.bytes);
    expect(after['附件4']).toEqual(before['附件4']);
    expect(after['附件5']!.widths).toEqual(before['附件5']!.widths);
    await page.close();
  });

  it('opens and checks a 20,000-row sheet in its worker, drawing only the rows in sight', async () => {
    const sheet = wafangdianSheet(20_000);
    const cells = sheet.rows.flatMap((row, r) => row.map((value, col) => ({ row: r, col, value })).filter((c) => c.value !== null));
    const big = path.join(work, '两万行.xlsx');
    fs.writeFileSync(big, createWorkbook({ sheets: [{ name: sheet.name, cells }] }));
    const report = checkWorkbook(readWorkbook(new Uint8Array(fs.readFileSync(big))), { referenceDate: TODAY });

    const page = await newPage();
    await openThroughPicker(page, big);
    expect(page.workers()).toHaveLength(1);
    expect(await page.locator('table[data-sheet] tbody tr').count()).toBeLessThan(100);
    // The progress bar is drawn while the worker checks: the page's thread is free meanwhile. A
    // check that now takes a few dozen ms can come and go between two polls of waitFor, so the
    // page itself records whether the bar was ever in its status line.
    await page.evaluate((stage) => {
      const seen = () =>
        [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes(stage) && s.querySelector('[role="progressbar"]'));
      const w = window as unknown as { sawCheckProgress: boolean };
      w.sawCheckProgress = false;
      new MutationObserver((_, o) => {
        if (!seen()) return;
        w.sawCheckProgress = true;
        o.disconnect();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, words.stage.check);
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => (window as unknown as { sawCheckProgress: boolean }).sawCheckProgress)).toBe(true);
    const counts = await page.getByRole('region', { name: '检查结果' }).getByRole('status').first().textContent();
    expect(counts).toBe(`${ui.report.errors} ${report.counts.errors}${ui.report.warnings} ${report.counts.warnings}`);

    const last = (await paneFindings(page)).sort((a, b) => b.row - a.row)[0]!;
    expect(last.row).toBeGreaterThan(15_000);
    await page.locator(`li[data-cell="${last.cell}"]`).first().click();
    await page.locator(`td[data-selected][data-cell="${last.cell}"]`).waitFor();
    expect(await page.locator('table[data-sheet] tbody tr').count()).toBeLessThan(100);
    await page.close();
  }, 300_000);

  it('raised no script error and sent no request anywhere but 127.0.0.1', () => {
    expect(pageErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
  });
});
