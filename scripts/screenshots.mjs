// `npm run screenshots`: the README's pictures of the browser page (open, findings, totals)
// and of the Excel pane (host stubbed), taken in Debian's Chromium from a production build,
// plus figures: the page's first render, and a 20,000-row sheet opened and checked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import kit from './browser-kit.cjs';

const root = kit.ROOT;
const shots = path.join(root, 'docs', 'screenshots');
const WEB = path.join(root, '.tmp', 'web');
/** The demo's rules judge ages at this date, so the pictures do not change with the calendar. */
const TODAY = new Date('2026-03-18T12:00:00');
const RUNS = 5;
/** `npm run screenshots -- --pictures`: the pictures only, without the timed figures. */
const PICTURES_ONLY = process.argv.includes('--pictures');

fs.mkdirSync(shots, { recursive: true });
console.log('Building the pages…');
kit.buildWeb(WEB);
const harness = kit.bundlePaneHarness(fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-pane-')));
const web = await kit.serveStatic(WEB);
const pane = await kit.serveStatic(harness);
/** Pictures with the clock fixed (Playwright's clock holds for the whole browser context). */
const pictures = await kit.launchChromium({ viewport: { width: 1440, height: 860 } });
await pictures.context.clock.setFixedTime(TODAY);
/** Figures with the real clock. */
const timing = await kit.launchChromium({ viewport: { width: 1440, height: 860 } });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};
/** Ends the run after the pictures (--pictures). */
class Done extends Error {}

try {
  const welcome0 = await pictures.context.newPage();
  await welcome0.goto(`${web.url}/browser.html`);
  await welcome0.getByRole('heading', { level: 1 }).waitFor();
  await welcome0.screenshot({ path: path.join(shots, 'browser-welcome.png'), animations: 'disabled' });
  await welcome0.close();

  const page = await pictures.context.newPage();
  await page.goto(`${web.url}/browser.html?demo=1`);
  await page.getByRole('button', { name: '检查', exact: true }).waitFor();
  await page.locator('table[data-sheet] td[data-cell="A3"]').waitFor();
  await page.screenshot({ path: path.join(shots, 'browser-open.png'), animations: 'disabled' });

  await page.getByRole('button', { name: '检查', exact: true }).click();
  await page.getByRole('region', { name: '检查结果' }).waitFor();
  await page.getByRole('button', { name: '标记错误', exact: true }).click();
  await page.getByText(/^已标记/).waitFor();
  await page.locator('li[data-rule^="duplicate."]').first().click();
  await page.locator('td[data-selected]').waitFor();
  await page.screenshot({ path: path.join(shots, 'browser-findings.png'), animations: 'disabled' });

  // A marked cell clicked in the grid: its finding shows in the pane.
  const marked = page.locator('table[data-sheet] td[data-mark="error"]').first();
  await marked.click();
  await page.getByRole('region', { name: '所选单元格的问题' }).waitFor();
  await page.screenshot({ path: path.join(shots, 'browser-picked.png'), animations: 'disabled' });

  // What 打印审核意见 prints.
  await page.evaluate(() => (window.print = () => undefined));
  await page.getByRole('button', { name: '打印审核意见', exact: true }).click();
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(shots, 'browser-print.png'), animations: 'disabled' });
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: '填写汇总', exact: true }).click();
  await page.getByText('已填写 1 张汇总表').waitFor();
  await page.getByRole('tab', { name: '附件5' }).click();
  await page.locator('table[data-sheet="附件5"]').waitFor();
  await page.screenshot({ path: path.join(shots, 'browser-totals.png'), animations: 'disabled' });
  await page.close();

  const narrow = await pictures.context.newPage();
  await narrow.setViewportSize({ width: 350, height: 860 });
  await narrow.goto(`${pane.url}/index.html`);
  await narrow.getByRole('button', { name: '检查', exact: true }).click();
  await narrow.getByRole('region', { name: '检查结果' }).waitFor();
  await narrow.locator('main[aria-busy="false"]').waitFor();
  await narrow.screenshot({ path: path.join(shots, 'excel-pane.png'), animations: 'disabled' });
  await narrow.close();

  // The page beside WPS: 360 px, one column.
  const slim = await pictures.context.newPage();
  await slim.setViewportSize({ width: 360, height: 1400 });
  await slim.goto(`${web.url}/browser.html?demo=1`);
  await slim.getByRole('button', { name: '检查', exact: true }).click();
  await slim.getByRole('region', { name: '检查结果' }).waitFor();
  await slim.locator('main[aria-busy="false"]').waitFor();
  await slim.screenshot({ path: path.join(shots, 'browser-narrow.png'), animations: 'disabled' });
  await slim.close();

  if (PICTURES_ONLY) throw new Done();

  // First render: a fresh page each run (the server sends no-store, so nothing is cached).
  const paints = [];
  const welcome = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await timing.context.newPage();
    await p.goto(`${web.url}/browser.html`, { waitUntil: 'commit' });
    await p.getByRole('heading', { level: 1 }).waitFor();
    const now = await p.evaluate(() => performance.now());
    // The paint entry is recorded a little after the paint itself.
    await p.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const t = { now, fcp: await p.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime) };
    paints.push(t.fcp);
    welcome.push(t.now);
    await p.close();
  }
  figures['first contentful paint (ms, median of 5)'] = Math.round(median(paints));
  figures['welcome heading in the page (ms, median of 5)'] = Math.round(median(welcome));
  const main = fs.readdirSync(WEB).filter((f) => /^browser\..*\.js$/.test(f)).map((f) => fs.statSync(path.join(WEB, f)).size);
  figures['page script before any file is opened (KiB)'] = Math.round(main.reduce((a, b) => a + b, 0) / 1024);

  // 20,000 rows: open and check, and the longest task the page's own thread ran meanwhile.
  const bundle = path.join(root, '.tmp', 'bench-generate.cjs');
  buildSync({ entryPoints: [path.join(root, 'bench', 'generate.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  const xlsx = path.join(root, '.tmp', 'xlsx.cjs');
  buildSync({ entryPoints: [path.join(root, 'src', 'io', 'xlsx', 'index.ts')], outfile: xlsx, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
  const require = createRequire(import.meta.url);
  const sheet = require(bundle).wafangdianSheet(20_000);
  const cells = sheet.rows.flatMap((row, r) => row.map((value, col) => ({ row: r, col, value })).filter((c) => c.value !== null));
  const big = path.join(os.tmpdir(), '两万行.xlsx');
  fs.writeFileSync(big, require(xlsx).createWorkbook({ sheets: [{ name: sheet.name, cells }] }));

  const p = await timing.context.newPage();
  await p.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await p.goto(`${web.url}/browser.html`);
  await p.getByRole('heading', { level: 1 }).waitFor();
  await p.evaluate(() => (window.longTasks.length = 0));
  let t0 = Date.now();
  await p.setInputFiles('input[type=file]:not([multiple])', big);
  await p.locator('table[data-sheet] td[data-cell="A3"]').waitFor({ timeout: 120_000 });
  figures['20,000 rows: file chosen → sheet shown (ms)'] = Date.now() - t0;
  t0 = Date.now();
  await p.getByRole('button', { name: '检查', exact: true }).click();
  await p.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 120_000 });
  figures['20,000 rows: 检查 → findings shown (ms)'] = Date.now() - t0;
  const tasks = await p.evaluate(() => window.longTasks);
  figures['20,000 rows: longest task on the page thread (ms)'] = Math.round(Math.max(0, ...tasks));
  figures['20,000 rows: rows in the page'] = await p.locator('table[data-sheet] tbody tr').count();
  await p.close();
  fs.rmSync(big, { force: true });
} catch (e) {
  if (!(e instanceof Done)) throw e;
} finally {
  await pictures.close();
  await timing.close();
  await web.close();
  await pane.close();
  fs.rmSync(harness, { recursive: true, force: true });
}

console.log(`Wrote ${fs.readdirSync(shots).map((f) => path.join('docs', 'screenshots', f)).join(', ')}`);
console.table(figures);
