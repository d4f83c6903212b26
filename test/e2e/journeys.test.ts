/**
 * The reviewer's, the clerk's and the county's day in the browser page, end to end in Debian's
 * Chromium: what each sees on the page (and in the files it gives them), at desktop width and
 * at the width of a pane beside WPS, by keyboard, and under axe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, launchChromium, ROOT, serveStatic } from '../../scripts/browser-kit.cjs';
import { checkWorkbook } from '../../src/core/check';
import { createWorkbook, readWorkbook } from '../../src/io/xlsx';
import { recognise } from '../../src/core/find/recognise';
import { collectNotices } from '../../src/core/notices/select';
import { noticeWorkbook } from '../../src/core/notices/layout';
import { cellText } from '../../src/core/model/cell';
import { browser as words } from '../../src/i18n/zh-CN/browser';
import { ui } from '../../src/i18n/zh-CN/ui';
import { familyCounts, FIRST_RULES } from '../../src/pane/group';
import { childrenOf } from '../../src/pane/child';
import { act, check, openThroughPicker, paneFindings, pickFile, SAMPLES, saveCopy } from './helpers';
import { writeMergeSet } from '../cli/mergeSet';
import { mergeFiles } from '../../src/pane/mergeFiles';
import { repairPlan } from '../../src/pane/repairPlan';
import { describeChanges, rangeAround } from '../../src/pane/changes';

const TODAY = '2026-03-18';
const OUT = path.join(ROOT, '.tmp', 'web');
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const sample = (f: string) => path.join(SAMPLES, f);
const bytesOf = (f: string) => new Uint8Array(fs.readFileSync(f));

let server: { url: string; close: () => Promise<void> };
let chromium: { context: BrowserContext; close: () => Promise<void> };
let work: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  buildWeb(OUT);
  server = await serveStatic(OUT);
  chromium = await launchChromium();
  await chromium.context.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-journeys-'));
}, 600_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function newPage(width = 1440): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}/browser.html`);
  return page;
}

/** Serious or critical axe violations, by rule id and the elements at fault. */
async function axe(page: Page): Promise<string[]> {
  // Through the debugging protocol: the page's policy allows no inline script.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Node = { target: string[]; html: string };
    type Result = { violations: { id: string; impact: string; nodes: Node[] }[] };
    const run = (window as unknown as { axe: { run: (o: object) => Promise<Result> } }).axe;
    const r = await run.run({ resultTypes: ['violations'] });
    // Fluent's focus-trap dummies (tabster's <i data-tabster-dummy>) are its own, out of reach from outside.
    const ours = (n: Node) => !n.html.includes('data-tabster-dummy');
    return r.violations
      .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.some(ours))
      .map((v) => `${v.id}: ${v.nodes.filter(ours).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const report = (page: Page) => page.getByRole('region', { name: ui.report.regionLabel });

describe('reviewer', () => {
  it('sees a summary by family, the findings to act on first at the top, one group per rule, and filters them', async () => {
    const file = sample('wafangdian_submitted.xlsx');
    const core = checkWorkbook(readWorkbook(bytesOf(file)), { referenceDate: TODAY });
    const page = await newPage();
    await openThroughPicker(page, file);
    await check(page);

    const summary = page.getByRole('table', { name: ui.summary.label });
    for (const c of familyCounts(core.findings)) {
      await summary.getByRole('row', { name: new RegExp(`^${c.title} ${c.errors} ${c.warnings}$`) }).waitFor();
    }
    const groups = await page.locator('[data-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')!));
    expect(new Set(groups).size).toBe(groups.length);
    const first = FIRST_RULES.filter((r) => core.findings.some((f) => f.rule === r));
    expect(first.length).toBeGreaterThan(0);
    expect(groups.slice(0, first.length)).toEqual(first);

    await page.getByRole('combobox', { name: ui.filter.severity }).selectOption('warning');
    const warnings = core.findings.filter((f) => f.severity === 'warning');
    await report(page).getByText(warnings.length ? ui.filter.shown(warnings.length, core.findings.length) : ui.filter.none).waitFor();
    expect((await paneFindings(page)).every((f) => warnings.some((w) => w.cell === f.cell && w.rule === f.rule))).toBe(true);
    await page.getByRole('combobox', { name: ui.filter.severity }).selectOption('');
    await page.getByRole('combobox', { name: ui.filter.family }).selectOption('totals');
    const totals = core.findings.filter((f) => f.rule.startsWith('totals.'));
    await report(page).getByText(ui.filter.shown(totals.length, core.findings.length)).waitFor();
    expect((await paneFindings(page)).map((f) => f.rule).every((r) => r.startsWith('totals.'))).toBe(true);
    await page.getByRole('combobox', { name: ui.filter.family }).selectOption('');
    const sheet = core.findings[core.findings.length - 1]!.sheet;
    await page.getByRole('combobox', { name: ui.filter.sheet }).selectOption(sheet);
    const onSheet = core.findings.filter((f) => f.sheet === sheet);
    await report(page).getByText(ui.filter.shown(onSheet.length, core.findings.length)).waitFor();
    expect(new Set((await paneFindings(page)).map((f) => f.sheet))).toEqual(new Set([sheet]));
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('gets a 审核意见 a school can act on: by child with 姓名 and 原始序号, errors first, as a workbook and a printed page', async () => {
    const file = sample('wafangdian.xlsx');
    const grid = readWorkbook(bytesOf(file));
    const core = checkWorkbook(grid, { referenceDate: TODAY });
    const childOf = childrenOf(grid, core);
    const page = await newPage();
    await openThroughPicker(page, file);
    await check(page);

    // Beside each finding in the pane: the child's name and serial.
    const onChild = core.findings.find((f) => childOf(f))!;
    const child = childOf(onChild)!;
    await page
      .locator(`li[data-cell="${onChild.cell}"][data-rule="${onChild.rule}"]`)
      .getByText(ui.child.label(child.name, child.serial))
      .waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: ui.actions.exportReview }).click()]);
    expect(download.suggestedFilename()).toBe(ui.review.fileName('wafangdian'));
    await page.getByText(ui.review.exported(ui.review.fileName('wafangdian'))).waitFor();
    const saved = path.join(work, 'review.xlsx');
    await download.saveAs(saved);
    const sheets = readWorkbook(bytesOf(saved)).sheets;
    expect(sheets.map((s) => s.name)).toEqual([ui.review.sheetName]);
    const rows = sheets[0]!.rows;
    expect(rows[2]).toEqual([...ui.review.headers]);
    const body = rows.slice(3);
    expect(body).toHaveLength(core.findings.length);
    // Grouped by child: a child's lines are together, errors before warnings among them.
    const seen = new Set<string>();
    let last = '';
    for (const r of body) {
      const key = `${cellText(r[1])}|${cellText(r[2])}|${cellText(r[3])}`;
      if (key !== last) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        last = key;
      }
    }
    for (const [i, r] of body.entries()) {
      const next = body[i + 1];
      if (next && cellText(next[1]) === cellText(r[1]) && cellText(next[2]) === cellText(r[2])) {
        expect(!(cellText(r[6]) === ui.severity.warning && cellText(next[6]) === ui.severity.error)).toBe(true);
      }
    }
    expect(body.some((r) => r[1] === child.name && cellText(r[2]) === child.serial && r[7] === onChild.message)).toBe(true);

    // Printing shows the findings, not the screen.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: ui.actions.printReview }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('.baoxue-print').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.baoxue-print').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: ui.actions.check, exact: true }).isVisible()).toBe(false);
    expect(await page.locator('table[data-sheet]').isVisible()).toBe(false);
    expect(await page.locator('.baoxue-print tbody tr').count()).toBe(core.findings.length);
    await page.locator('.baoxue-print').getByText(onChild.message).first().waitFor();
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });
});

/** The notes openpyxl reads in a saved workbook (test/browser/notes_read.py). */
function savedNotes(bytes: Uint8Array): Record<string, Record<string, string>> {
  const file = path.join(work, `notes-${Date.now()}.xlsx`);
  fs.writeFileSync(file, bytes);
  const run = spawnSync('/usr/bin/python3', [path.join(__dirname, '..', 'browser', 'notes_read.py'), file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('clerk', () => {
  it('a marked cell explains itself: clicked in the grid it shows its finding, and the saved file carries it as a note', async () => {
    const file = sample('dropout_ledger.xlsx');
    const core = checkWorkbook(readWorkbook(bytesOf(file)), { referenceDate: TODAY });
    const page = await newPage();
    await openThroughPicker(page, file);
    await check(page);
    const cells = new Set(core.findings.map((f) => `${f.sheet}!${f.cell}`)).size;
    await act(page, ui.actions.mark, ui.done.marked(cells, cells));

    const target = core.findings.find((f) => f.severity === 'error')!;
    await page.getByRole('tab', { name: target.sheet, exact: true }).click();
    await page.locator(`table[data-sheet="${target.sheet}"] td[data-cell="${target.cell}"]`).click();
    const picked = page.getByRole('region', { name: ui.picked.label });
    await picked.getByText(ui.picked.title(target.sheet, target.cell)).waitFor();
    await picked.getByText(`${ui.severity.error}：${target.message}`).waitFor();
    await picked.getByText(ui.report.fix(target.fix)).waitFor();
    expect(await page.locator(`li[data-picked][data-cell="${target.cell}"]`).count()).toBeGreaterThan(0);

    const notes = savedNotes((await saveCopy(page)).bytes);
    for (const f of core.findings) {
      expect(notes[f.sheet]?.[f.cell]).toEqual(expect.stringContaining(f.message));
      expect(notes[f.sheet]?.[f.cell]).toEqual(expect.stringContaining(f.fix));
    }
    await page.close();
  });

  it('after 填写汇总 the check runs again by itself, the message names the cells, and they are highlighted', async () => {
    const file = sample('wafangdian.xlsx');
    const before = checkWorkbook(readWorkbook(bytesOf(file)), { referenceDate: TODAY });
    expect(before.findings.some((f) => f.rule === 'totals.unfilled')).toBe(true);
    const page = await newPage();
    await openThroughPicker(page, file);
    await check(page);
    await page.getByRole('button', { name: ui.actions.totals, exact: true }).click();
    const message = page.getByText(new RegExp(`^${ui.done.totals(1)}已修改工作表“附件5”的 [A-Z]+\\d+:[A-Z]+\\d+（已高亮显示），并已重新检查。$`));
    await message.waitFor({ timeout: 60_000 });
    const range = /的 ([A-Z]+\d+:[A-Z]+\d+)/.exec((await message.textContent())!)![1]!;
    // The grid shows 附件5 with the filled cells highlighted, the first one in view.
    const first = range.split(':')[0]!;
    await page.locator(`table[data-sheet="附件5"] td[data-changed][data-cell="${first}"]`).waitFor();
    expect(await page.locator('table[data-sheet="附件5"] td[data-changed]').count()).toBeGreaterThan(10);
    // Checked again: the totals are no longer reported unfilled.
    expect((await paneFindings(page)).some((f) => f.rule === 'totals.unfilled')).toBe(false);
    await page.close();
  });

  it('after 修复下拉菜单 the message names the sheet and ranges, and a prompt guards unsaved changes', async () => {
    const stripped = path.join(work, '没有下拉菜单.xlsx');
    execFileSync('/usr/bin/python3', [
      '-W', 'ignore', '-c',
      'import sys\nfrom openpyxl import load_workbook\nwb = load_workbook(sys.argv[1])\nfor ws in wb: ws.data_validations.dataValidation = []\nwb.save(sys.argv[2])',
      sample('wafangdian.xlsx'), stripped,
    ]);
    // The dropdowns put back, then the misspelt 核查结果 set to the list's wording.
    const plan = repairPlan(readWorkbook(new Uint8Array(fs.readFileSync(stripped))));
    const changes = plan.map((p) => ({ sheet: p.sheet, ranges: [...p.validations.map((v) => v.sqref), ...p.values.map((c) => rangeAround([c]))] }));
    expect(changes[0]!.ranges.slice(0, 3)).toEqual(['F3:F152', 'I3:I152', 'J3:J152']);
    const page = await newPage();
    await openThroughPicker(page, stripped);
    await page.getByRole('button', { name: ui.actions.repair, exact: true }).click();
    await page.getByText(describeChanges(changes), { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: ui.report.regionLabel }).waitFor();
    expect(await page.locator('table[data-sheet="附件4"] td[data-changed]').count()).toBeGreaterThan(0);

    // Opening another file: asked first; saying no keeps this one.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.dismiss())));
    await pickFile(page, sample('ganxian.xlsx'));
    expect(await asked).toBe(words.unsavedConfirm('没有下拉菜单.xlsx'));
    await page.getByLabel(words.fileLabel('没有下拉菜单.xlsx')).waitFor();

    // Leaving the page: the browser's own prompt.
    const leaving = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.type()), void d.dismiss())));
    await page.close({ runBeforeUnload: true });
    expect(await leaving).toBe('beforeunload');
    await page.close();

    // Saved, nothing to lose: no prompt.
    const saved = await newPage();
    await openThroughPicker(saved, stripped);
    await act(saved, ui.actions.repair, ui.done.repaired(plan.reduce((n, p) => n + p.validations.length + p.values.length, 0)));
    await saveCopy(saved);
    let prompts = 0;
    saved.on('dialog', (d) => (prompts++, void d.accept()));
    await pickFile(saved, sample('ganxian.xlsx'));
    await saved.getByLabel(words.fileLabel('ganxian.xlsx')).waitFor();
    expect(prompts).toBe(0);
    await saved.close();
  });
});

describe('clerk: notices', () => {
  it('makes the 复学/入学通知书 from the page, as the command line makes them', async () => {
    const file = sample('dropout_ledger.xlsx');
    const grid = readWorkbook(bytesOf(file));
    const want = collectNotices(recognise(grid).tables, { reportBy: '2026-12-01', unit: '某某镇人民政府', issueDate: TODAY, guardianFallback: 'blank' });
    expect(want.notices.length).toBeGreaterThan(0);
    const page = await newPage();
    await openThroughPicker(page, file);
    await page.getByRole('button', { name: ui.actions.notices, exact: true }).click();
    const form = page.getByRole('region', { name: ui.notices.title });
    await form.getByRole('button', { name: ui.notices.make }).click();
    await form.getByText(ui.notices.needUnit).waitFor();
    await form.getByLabel(ui.notices.unit).fill('某某镇人民政府');
    await form.getByLabel(ui.notices.date).fill('2026-12-01');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: ui.notices.make }).click()]);
    const name = ui.notices.fileName('dropout_ledger');
    expect(download.suggestedFilename()).toBe(name);
    await page.getByText(ui.notices.done(want.notices.length, name)).waitFor();
    const saved = path.join(work, 'notices.xlsx');
    await download.saveAs(saved);
    expect(readWorkbook(bytesOf(saved))).toEqual(readWorkbook(createWorkbook(noticeWorkbook(want))));
    await page.close();
  });
});

describe('county staff', () => {
  it('merges several schools’ files from the welcome page: the merged workbook opens, the message says where the file went', async () => {
    const dir = path.join(work, '各校');
    await writeMergeSet(dir);
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
    const want = await mergeFiles(files.map((f) => ({ name: path.basename(f), bytes: bytesOf(f) })), { existingSheets: [], referenceDate: TODAY });
    const name = words.mergedFile(want.title!);
    const merged = want.inputs.filter((i) => i.status === 'merged').length;

    const page = await newPage();
    await page.getByRole('button', { name: words.merge }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByLabel(words.mergePickLabel).setInputFiles(files)]);
    expect(download.suggestedFilename()).toBe(name);
    await page.getByText(words.mergedOpened(name, merged, files.length)).waitFor();
    await page.getByLabel(words.fileLabel(name)).waitFor();
    expect(await page.getByRole('tab', { name: want.listSheet!, exact: true }).count()).toBe(1);
    await check(page);
    expect(await axe(page)).toEqual([]);
    await page.close();

    // Several files dropped at once on the welcome page are merged as well.
    const dropped = await newPage();
    const payload = files.map((f) => ({ name: path.basename(f), b64: fs.readFileSync(f).toString('base64') }));
    const [again] = await Promise.all([
      dropped.waitForEvent('download'),
      dropped.evaluate((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, payload),
    ]);
    expect(again.suggestedFilename()).toBe(name);
    await dropped.getByLabel(words.fileLabel(name)).waitFor();
    await dropped.close();
  });
});

describe('everyone', () => {
  it('at 360 px the page is one column without sideways scrolling; keys move through findings and cells; axe finds nothing serious', async () => {
    const page = await newPage(360);
    expect(await axe(page)).toEqual([]);
    await openThroughPicker(page, sample('wafangdian.xlsx'));
    await check(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(360);
    const grid = (await page.locator('table[data-sheet]').locator('..').boundingBox())!;
    const pane = (await report(page).boundingBox())!;
    expect(pane.y).toBeGreaterThan(grid.y + grid.height - 1);
    expect(pane.width).toBeGreaterThan(300);

    // Arrow keys walk the findings.
    const items = page.locator('li[data-rule]');
    await items.nth(0).focus();
    await page.keyboard.press('ArrowDown');
    expect(await items.nth(1).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await items.nth(0).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const cell = (await items.nth(0).getAttribute('data-cell'))!;
    await page.locator(`td[data-selected][data-cell="${cell}"]`).waitFor();

    // The grid takes focus and moves by cell.
    const region = page.getByRole('region', { name: words.gridLabel('附件4') });
    await region.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const row = Number(/\d+$/.exec(cell)![0]) + 1;
    await page.locator(`td[data-selected][data-cell="B${row}"]`).waitFor();
    expect(await width()).toBeLessThanOrEqual(360);
    expect(await axe(page)).toEqual([]);

    await page.getByRole('combobox', { name: ui.filter.severity }).selectOption('error');
    await page.getByRole('button', { name: ui.actions.trace, exact: true }).click();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.getByRole('button', { name: ui.actions.check, exact: true }).and(page.locator(':enabled')).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
