import type { WorkbookGrid } from '../core/model/workbook';
import type { CheckOptions, CheckReport } from '../core/check';
import { portChannel, type Channel, type Port } from '../browser/channel';
import { HostError } from '../excel/env';
import { ui } from '../i18n/zh-CN/ui';

/** Rows per message to the worker: each structured clone stays a short task on the pane's thread. */
export const ROWS_PER_MESSAGE = 2_000;

export interface CheckProgress {
  stage: 'send' | 'check';
  /** Rows handed to the worker so far, of `total`. */
  done: number;
  total: number;
}

type Listener = (progress: CheckProgress | null) => void;

interface Connection {
  channel: Channel;
  port: (Port & { terminate(): void }) | null;
  cancel: ((e: Error) => void) | null;
}

/**
 * Checks in a Web Worker, the browser page's (src/browser/worker.ts), so a long check never
 * holds the pane's thread: Office restarts an add-in that stays unresponsive for 5 seconds
 * (docs/concepts/resource-limits-and-performance-optimization.md). The grid goes over in
 * chunks, with progress; cancel() ends the worker and the check rejects with a HostError.
 */
export class WorkerCheck {
  private connection: Connection | null = null;
  private progress: CheckProgress | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly spawn: () => Port & { terminate(): void }) {}

  readonly check = (grid: WorkbookGrid, opts: CheckOptions = {}): Promise<CheckReport> => {
    const c = this.connect();
    return new Promise<CheckReport>((resolve, reject) => {
      // Settles once: by the worker's answer, or by cancel() (whose worker then never answers).
      const settle = (then: () => void) => {
        if (c.cancel !== stop) return;
        c.cancel = null;
        this.report(null);
        then();
      };
      const stop = (e: Error) => settle(() => reject(e));
      c.cancel = stop;
      this.run(c.channel, grid, opts).then(
        (report) => settle(() => resolve(report)),
        (e: unknown) => settle(() => reject(e)),
      );
    });
  };

  /** Ends the running check (its worker with it); the next check starts a new worker. */
  cancel(): void {
    const c = this.connection;
    if (!c?.cancel) return;
    this.connection = null;
    c.port?.terminate();
    c.cancel(new HostError(ui.checkProgress.cancelled));
  }

  get running(): boolean {
    return this.connection?.cancel != null;
  }

  current(): CheckProgress | null {
    return this.progress;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private connect(): Connection {
    if (this.connection) return this.connection;
    const c: Connection = { channel: null as unknown as Channel, port: null, cancel: null };
    c.channel = portChannel(
      () => (c.port = this.spawn()),
      () => undefined,
    );
    return (this.connection = c);
  }

  private async run(channel: Channel, grid: WorkbookGrid, opts: CheckOptions): Promise<CheckReport> {
    const total = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    let done = 0;
    this.report({ stage: 'send', done, total });
    await channel.call('beginGrid', [{ ...grid, sheets: grid.sheets.map((s) => ({ ...s, rows: [] })) }]);
    for (let i = 0; i < grid.sheets.length; i++) {
      const rows = grid.sheets[i]!.rows;
      for (let at = 0; at < rows.length; at += ROWS_PER_MESSAGE) {
        const chunk = rows.slice(at, at + ROWS_PER_MESSAGE);
        await channel.call('appendRows', [i, chunk]);
        done += chunk.length;
        this.report({ stage: 'send', done, total });
      }
    }
    const id = await channel.call('endGrid', []);
    this.report({ stage: 'check', done, total });
    return channel.call('check', [id, opts]);
  }

  private report(progress: CheckProgress | null) {
    this.progress = progress;
    for (const l of this.listeners) l(progress);
  }
}
