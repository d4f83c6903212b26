/**
 * The pane's check in a worker (src/taskpane/workerCheck.ts) over the browser page's worker
 * API, run here in-process behind a port that structured-clones every message as a Worker does.
 */
import { createWorkerApi, answer } from '../../src/browser/workerApi';
import type { Port } from '../../src/browser/channel';
import type { Request } from '../../src/browser/protocol';
import { WorkerCheck, ROWS_PER_MESSAGE, type CheckProgress } from '../../src/taskpane/workerCheck';
import { checkWorkbook } from '../../src/core/check';
import { wafangdianSheet } from '../../bench/generate';
import type { WorkbookGrid } from '../../src/core/model/workbook';

class InProcessPort implements Port {
  onmessage: Port['onmessage'] = null;
  onerror: Port['onerror'] = null;
  terminated = false;
  requests: Request[] = [];
  private readonly api = createWorkerApi(() => undefined);
  postMessage(message: Request): void {
    const request = structuredClone(message);
    this.requests.push(request);
    setImmediate(() => {
      if (this.terminated) return;
      void answer(this.api, request, (reply) => {
        if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent);
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const OPTS = { referenceDate: '2026-11-01' };

function grid(rows: number): WorkbookGrid {
  return { sheets: [wafangdianSheet(rows), { name: '说明', rows: [['说明']] }] };
}

test('gives the same report as checking on the page, the rows sent in chunks, with progress', async () => {
  const ports: InProcessPort[] = [];
  const runner = new WorkerCheck(() => {
    const p = new InProcessPort();
    ports.push(p);
    return p;
  });
  const seen: (CheckProgress | null)[] = [];
  runner.subscribe((p) => seen.push(p));
  const g = grid(5_000);
  const report = await runner.check(g, OPTS);
  expect(report).toEqual(checkWorkbook(g, OPTS));
  expect(ports).toHaveLength(1);
  const appends = ports[0]!.requests.filter((r) => r.op === 'appendRows');
  expect(appends.length).toBeGreaterThanOrEqual(3);
  for (const a of appends) expect((a.args[1] as unknown[]).length).toBeLessThanOrEqual(ROWS_PER_MESSAGE);
  const total = g.sheets[0]!.rows.length + 1;
  expect(seen[0]).toEqual({ stage: 'send', done: 0, total });
  expect(seen).toContainEqual({ stage: 'check', done: total, total });
  expect(seen[seen.length - 1]).toBeNull();
  expect(runner.running).toBe(false);
});

test('cancel ends the worker and the check with a Chinese HostError; the next check starts a new worker', async () => {
  const ports: InProcessPort[] = [];
  const runner = new WorkerCheck(() => {
    const p = new InProcessPort();
    ports.push(p);
    return p;
  });
  const unsubscribe = runner.subscribe((p) => {
    if (p?.stage === 'send' && p.done > 0) runner.cancel();
  });
  await expect(runner.check(grid(10_000), OPTS)).rejects.toMatchObject({ name: 'HostError', message: expect.stringContaining('已取消') });
  unsubscribe();
  expect(ports[0]!.terminated).toBe(true);
  expect(ports[0]!.requests.some((r) => r.op === 'check')).toBe(false);
  expect(runner.current()).toBeNull();
  const small = grid(10);
  expect(await runner.check(small, OPTS)).toEqual(checkWorkbook(small, OPTS));
  expect(ports).toHaveLength(2);
});
