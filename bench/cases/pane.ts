import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from '../harness';
import { addSection, extra } from '../report';

const ROOT = path.join(__dirname, '..');
/** The production build goes here, not to dist/web: the bench must not touch the tree's own build. */
const OUT = path.join(os.tmpdir(), 'baoxue-bench-web');
const STATS = path.join(os.tmpdir(), 'baoxue-bench-web-stats.json');
const ENTRIES = ['taskpane', 'commands', 'browser'] as const;
const KB = 1024;
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

function webpack(): void {
  const p = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', OUT, '--json', STATS], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(`webpack failed: ${(p.stderr + p.stdout).slice(-3000)}`);
}

interface StatsModule {
  identifier: string;
  name: string;
  chunks: (string | number)[];
  /** Modules concatenated into this one: they live in its chunks. */
  modules?: StatsModule[];
}

interface Stats {
  entrypoints: Record<string, { chunks: (string | number)[]; assets: { name: string; size: number }[] }>;
  chunks: { id: string | number; files: string[]; initial: boolean; origins: { moduleIdentifier?: string }[] }[];
  modules: StatsModule[];
}

/** Chunks each module is in; a module also listed on its own (an orphan, in no chunk) keeps its outer module's. */
function chunksByModule(modules: readonly StatsModule[], into = new Map<string, (string | number)[]>(), outer?: (string | number)[]) {
  for (const m of modules) {
    const chunks = outer ?? m.chunks;
    into.set(m.identifier, [...(into.get(m.identifier) ?? []), ...chunks]);
    if (m.modules) chunksByModule(m.modules, into, chunks);
  }
  return into;
}

/**
 * JS an entry loads at start, and JS it may load later: chunks (async imports, workers) that a
 * module of the entry's chunks, or of chunks already counted, asks for.
 */
function entrySizes(stats: Stats, entry: string): { initial: number; later: number } {
  const sizeOf = (file: string) => fs.statSync(path.join(OUT, file)).size;
  const byModule = chunksByModule(stats.modules);
  const mine = new Set(stats.entrypoints[entry]!.chunks);
  const initialFiles = new Set(stats.entrypoints[entry]!.assets.map((a) => a.name).filter((f) => f.endsWith('.js')));
  const laterFiles = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of stats.chunks) {
      if (c.initial || mine.has(c.id)) continue;
      if (!c.origins.some((o) => byModule.get(o.moduleIdentifier ?? '')?.some((id) => mine.has(id)))) continue;
      mine.add(c.id);
      for (const f of c.files) if (f.endsWith('.js')) laterFiles.add(f);
      grew = true;
    }
  }
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + sizeOf(f), 0);
  return { initial: sum(initialFiles), later: sum(laterFiles) };
}

/** Modules of src/io/xlsx (the file layer) in the JS an entry loads at start. */
function xlsxModulesAtStart(stats: Stats, entry: string): number {
  const initial = new Set(stats.entrypoints[entry]!.chunks);
  const names = new Set<string>();
  const walk = (modules: readonly StatsModule[], outer?: (string | number)[]) => {
    for (const m of modules) {
      const chunks = outer ?? m.chunks;
      if (m.modules) walk(m.modules, chunks);
      else if (m.name.includes('src/io/xlsx/') && chunks.some((id) => initial.has(id))) names.add(m.name);
    }
  };
  walk(stats.modules);
  return names.size;
}

/** The build, made once by the bundle case and reused by the render cases. */
function ensureBuild(): void {
  if (!fs.existsSync(STATS) || !fs.existsSync(path.join(OUT, 'browser.html'))) webpack();
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.xlsx': 'application/octet-stream' };

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Stands in for office.js outside Excel: onReady answers at once with no host, so the pane renders
 * as it would before any workbook call. The time measured is our bundle's, not office.js's.
 */
const OFFICE_STUB = `window.Office = { onReady: function (cb) { var info = { host: null, platform: null }; return Promise.resolve(info).then(function () { if (cb) cb(info); return info; }); }, context: { requirements: { isSetSupported: function () { return false; } } } };`;

/** Records, from navigation start, when the page's root element first gets content. */
const MARKER = (root: string) => `
  new MutationObserver(function (_, obs) {
    var el = document.getElementById(${JSON.stringify(root)});
    if (el && el.firstElementChild) { window.__firstContent = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });`;

interface Open {
  server: http.Server;
  // playwright-core is loaded at run time (external to the bench bundle).
  browser: { newPage(): Promise<any>; close(): Promise<void> };
}

function renderCase(page: string, root: string, note: string): BenchCase {
  return {
    id: `pane-render-${page}`,
    title: `first render in headless Chromium, ${page}.html ${note}`,
    prepare: async (): Promise<Open> => {
      ensureBuild();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { chromium } = require('playwright-core');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
      return { server: await serve(OUT), browser };
    },
    run: async (input) => {
      const { server, browser } = input as Open;
      const tab = await browser.newPage();
      await tab.route(`${OFFICE_JS_ORIGIN}/**`, (route: any) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }));
      await tab.addInitScript(MARKER(root));
      const { port } = server.address() as AddressInfo;
      await tab.goto(`http://127.0.0.1:${port}/${page}.html`);
      await tab.waitForFunction(() => (window as { __firstContent?: number }).__firstContent !== undefined);
      // First paint of any content, then of ours; both from navigation start.
      await tab.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      return tab.evaluate(() => ({
        fcpMs: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
        firstContentMs: (window as { __firstContent?: number }).__firstContent!,
        domContentLoadedMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      }));
    },
    dispose: async (input) => {
      const { server, browser } = input as Open;
      await browser.close();
      server.close();
    },
  };
}

/** Case 7: the pane's production bundle (KB of JS before gzip) and its first render. */
export const paneCases: BenchCase[] = [
  {
    id: 'pane-bundle',
    title: 'webpack production build; JS per entry in KB (initial, and loaded later)',
    prepare: () => undefined,
    run: () => {
      webpack();
      const stats = JSON.parse(fs.readFileSync(STATS, 'utf8')) as Stats;
      const out: Record<string, number> = {};
      for (const e of ENTRIES) {
        const { initial, later } = entrySizes(stats, e);
        out[`${e}Kb`] = initial / KB;
        out[`${e}LaterKb`] = later / KB;
        out[`${e}XlsxModules`] = xlsxModulesAtStart(stats, e);
      }
      return out;
    },
  },
  renderCase('taskpane', 'container', '(office.js stubbed: no Excel)'),
  renderCase('browser', 'root', '(the browser page)'),
];

const kb = (v: number) => `${v.toFixed(0)} KB`;
const ms = (v: number) => `${v.toFixed(0)} ms`;
const LIMIT_KB = 1.5 * 1024;

addSection({
  title: '7. The pane',
  about:
    'webpack --mode production of the three pages into a temporary folder (dist/ is left alone); KB of JavaScript ' +
    'before gzip that each page loads at start (taskpaneKb, commandsKb, browserKb) and may load later (…LaterKb: ' +
    'async chunks and workers; the browser page reads files in a worker). …XlsxModules counts modules of src/io/xlsx ' +
    '(the file layer) in a page\'s JS at start: the xlsx reader should load only when a file is opened or merged. ' +
    'Then the first render of taskpane.html and browser.html in headless Chromium (/usr/bin/chromium through ' +
    'playwright-core, a fresh browser each run, the build served by a small node server on 127.0.0.1): fcpMs is the ' +
    'first contentful paint and firstContentMs the moment the page\'s root element gets content, both from ' +
    'navigation start; the run time is from opening the tab to that moment. Outside Excel, office.js is replaced by ' +
    'a stub whose onReady answers at once with no host, so the task pane figure is our bundle\'s load and first ' +
    "render, not office.js's download.",
  targets: [
    extra('pane-bundle', 'taskpaneKb', 'task pane JS under 1.5 MB before gzip', kb, (v) => v < LIMIT_KB),
    extra('pane-bundle', 'browserKb', 'browser page JS at start under 1.5 MB before gzip', kb, (v) => v < LIMIT_KB),
    extra('pane-bundle', 'taskpaneXlsxModules', 'task pane: no xlsx code at start', (v) => `${v} modules`, (v) => v === 0),
    extra('pane-bundle', 'browserXlsxModules', 'browser page: the xlsx reader only when a file is opened', (v) => `${v} modules at start`, (v) => v === 0),
    extra('pane-render-taskpane', 'firstContentMs', 'task pane first render (no target in the issue)', ms),
    extra('pane-render-browser', 'firstContentMs', 'browser page first render (no target in the issue)', ms),
  ],
});
