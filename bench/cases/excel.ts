import '../jestShim';
import type { BenchCase } from '../harness';
import { FakeBook } from '../../test/excel/fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { checkWorkbook } from '../../src/core/check';
import { addSection, extra, type ById } from '../report';
import { wafangdianSheet } from '../generate';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Port } from '../../src/browser/channel';
import { WorkerCheck } from '../../src/taskpane/workerCheck';

/** The repository (this file runs bundled from .tmp/). */
const ROOT = path.join(__dirname, '..');
const WORKER = path.join(ROOT, '.tmp', 'bench-excel-worker.cjs');

const MB = 1024 * 1024;

/** Column of 性别 in wafangdianSheet. */
const SEX = 5;

/** A 附件4 of `n` rows in the fake Excel; with `everyRow`, each row's 性别 is blank (a finding per row). */
function book(n: number, everyRow: boolean): FakeBook {
  const b = new FakeBook();
  const sheet = wafangdianSheet(n);
  const rows = sheet.rows.map((row, r) => row.map((v, c) => (v === null || typeof v === 'object' || (everyRow && c === SEX && r >= 2 && r < n + 2) ? '' : v)));
  b.addSheet(sheet.name, rows);
  return b;
}

/**
 * Case 6: the pane's round trips inside Excel: read the workbook, check it, mark the findings,
 * against office-addin-mock with the 5 MB limits of Excel on the web. The time includes the
 * fake's own bookkeeping; the figures to read are the syncs and the biggest payload.
 */
export const excelCases: BenchCase[] = [10_000, 100_000].flatMap((n) =>
  [false, true].map((everyRow) => ({
    id: `excel-check-mark-${n}${everyRow ? '-every-row' : ''}`,
    title: `inside Excel (fake): read + check + mark, 002 附件4, ${n.toLocaleString('en-US')} rows, ${everyRow ? 'a finding on every row' : 'few findings'}`,
    rows: n,
    prepare: () => book(n, everyRow),
    run: async (input) => {
      const b = input as FakeBook;
      const host = new ExcelHost(b.env());
      const grid = await host.readWorkbook();
      const readSyncs = b.syncs.length;
      const readMb = b.syncs.reduce((n, x) => n + x.response, 0) / MB;
      const report = checkWorkbook(grid, { referenceDate: '2026-11-01' });
      const marked = await host.markFindings(report.findings);
      // A refused sync (over 5 MB) carried nothing: Excel answered with an error and the host split the work.
      const accepted = b.syncs.filter((s) => !s.failed);
      return {
        syncs: b.syncs.length,
        readSyncs,
        readMb,
        markSyncs: b.syncs.length - readSyncs,
        refused: b.syncs.length - accepted.length,
        maxPayloadMb: Math.max(...accepted.map((s) => Math.max(s.request, s.response))) / MB,
        findings: report.findings.length,
        markedCells: marked.cells,
      };
    },
  })),
);

/** bench/excelWorker.ts bundled for worker_threads, and a Port over it as the pane has over a Web Worker. */
function nodeWorkerPort(): Port & { terminate(): void } {
  const w = new Worker(WORKER);
  const port: Port & { terminate(): void } = {
    onmessage: null,
    onerror: null,
    postMessage: (message, transfer) => w.postMessage(message, transfer as never),
    terminate: () => void w.terminate(),
  };
  w.on('message', (data) => port.onmessage?.({ data } as MessageEvent));
  w.on('error', (e) => port.onerror?.({ message: e.message } as unknown as Event));
  return port;
}

/**
 * The longest stretch the main thread was busy, less the time spent inside the fake's
 * context.sync: there the fake does Excel's work (apply, answer) synchronously, which in
 * Excel happens in Excel's own process while the pane's thread waits. A 1 ms timer sees
 * each stretch; what the fake's syncs took during it is subtracted.
 */
function longestStretch() {
  let inSyncs = 0;
  /** Start of the sync under way (the fake's sync yields partway: a tick may land inside it). */
  let syncing: number | null = null;
  const syncTime = (now: number) => inSyncs + (syncing === null ? 0 : now - syncing);
  let last = performance.now();
  let syncsAtLast = 0;
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const s = syncTime(now);
    longest = Math.max(longest, now - last - (s - syncsAtLast));
    last = now;
    syncsAtLast = s;
  }, 1);
  return {
    env: (env: ReturnType<FakeBook['env']>): ReturnType<FakeBook['env']> => ({
      ...env,
      run: (batch) =>
        env.run((ctx) => {
          const sync = ctx.sync.bind(ctx);
          ctx.sync = (async <T>(value?: T) => {
            const t0 = (syncing = performance.now());
            try {
              return await sync(value);
            } finally {
              inSyncs += performance.now() - t0;
              syncing = null;
            }
          }) as typeof ctx.sync;
          return batch(ctx);
        }),
    }),
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}

interface PaneRun {
  book: FakeBook;
  runner: WorkerCheck;
  ports: (Port & { terminate(): void })[];
}

/**
 * Case 6b (issue 20, "Inside Excel"): the longest task on the pane's thread while the pane reads,
 * checks (in the worker, as the pane does) and marks 100,000 rows. Measured as the event loop's
 * largest delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution): everything synchronous on
 * the main thread counts, the fake host's own bookkeeping per sync included (in Excel, Office's
 * JSON parse of each answer stands there instead).
 */
export const paneThreadCases: BenchCase[] = [100_000].map((n) => ({
  id: `excel-pane-longest-task-${n}`,
  title: `inside Excel (fake): longest main-thread task while reading, checking in the worker and marking ${n.toLocaleString('en-US')} rows of 附件4`,
  rows: n,
  prepare: () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('esbuild').buildSync({ entryPoints: [path.join(ROOT, 'bench/excelWorker.ts')], outfile: WORKER, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });
    const ports: (Port & { terminate(): void })[] = [];
    const runner = new WorkerCheck(() => {
      const p = nodeWorkerPort();
      ports.push(p);
      return p;
    });
    return { book: book(n, false), runner, ports } satisfies PaneRun;
  },
  run: async (input) => {
    const { book: b, runner } = input as PaneRun;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    const blocked = longestStretch();
    delay.enable();
    const host = new ExcelHost(blocked.env(b.env()));
    const grid = await host.readWorkbook();
    const report = await runner.check(grid, { referenceDate: '2026-11-01' });
    const marked = await host.markFindings(report.findings);
    delay.disable();
    return {
      longestTaskMs: blocked.stop(),
      withFakeSyncsMs: delay.max / 1e6,
      syncs: b.syncs.length,
      findings: report.findings.length,
      markedCells: marked.cells,
    };
  },
  dispose: (input) => {
    for (const p of (input as PaneRun).ports) p.terminate();
  },
}));

const sameAs = (id: string, key: string) => (v: number, byId: ById) => byId.get(id)?.extra[key] === v;
const syncCount = (v: number) => `${v} syncs`;

addSection({
  title: '6. Inside Excel',
  about:
    'The pane inside Excel, against test/excel/fakeExcel.ts: office-addin-mock proxies with the 5 MB request and ' +
    'response limits of Excel on the web, counting context.sync calls and the JSON bytes each one carries. ExcelHost ' +
    'reads the workbook, checkWorkbook checks it, ExcelHost marks the findings (conditional formats and notes), on a ' +
    '002 附件4 of 10,000 and 100,000 rows, with few findings and with one on every row (a blank 性别). Figures: ' +
    'syncs in all, readSyncs and markSyncs, refused (syncs Excel answers with a payload-size error, after which the ' +
    'host reads in blocks) and maxPayloadMb, the biggest accepted request or response. Reading is bound by the 5 MB ' +
    'limit: a sheet too big for one answer comes in blocks sized by the bytes per cell of the answers so far, so its ' +
    'syncs grow with the bytes read (readMb). The time includes the ' +
    "fake's own bookkeeping: read the counts, not the milliseconds.",
  targets: [
    extra('excel-check-mark-100000-every-row', 'markSyncs', 'marking: as many syncs at 100,000 rows as at 10,000 (a finding on every row)', syncCount, sameAs('excel-check-mark-10000-every-row', 'markSyncs')),
    // Issue 10 asked for as many reading syncs at 100,000 rows as at 10,000; a 100,000-row answer is ≈ 29 MB,
    // and Excel on the web refuses answers over 5 MB (issue 16: read in blocks under the limits), so reading
    // can only be bound by the bytes: blocks filled to the budget, a sync per 2 MB read or fewer.
    extra('excel-check-mark-100000', 'readSyncs', 'reading: syncs grow with the bytes read, not the rows: at most 2 + ⌈MB read ÷ 2⌉ (blocks under the 5 MB limit)', syncCount, (v, byId) => {
      const mb = byId.get('excel-check-mark-100000')?.extra.readMb;
      return mb !== undefined && v <= 2 + Math.ceil(mb / 2);
    }),
    extra('excel-pane-longest-task-100000', 'longestTaskMs', "the pane's thread never held more than 200 ms at a time while checking 100,000 rows (the fake's syncs, Excel's work, left out)", (v) => `${v.toFixed(0)} ms`, (v) => v <= 200),
    {
      goal: 'every accepted sync under 5 MB',
      figure: (b) => {
        const mb = excelCases.map((c) => b.get(c.id)?.extra.maxPayloadMb).filter((v): v is number => v !== undefined);
        return mb.length ? Math.max(...mb) : undefined;
      },
      show: (v) => `${v.toFixed(2)} MB`,
      met: (v) => v < 5,
    },
  ],
});
