import type { Op, Reply, Request, Stage, WorkerApi } from './protocol';

/** How the page calls the worker's operations. */
export interface Channel {
  call<K extends Op>(op: K, args: Parameters<WorkerApi[K]>, transfer?: Transferable[]): Promise<ReturnType<WorkerApi[K]>>;
  /** No call is waiting for an answer. */
  readonly idle: boolean;
  /** Resolves once no call is waiting. */
  whenIdle(): Promise<void>;
}

/** An error raised in the worker, with its name (XlsxError …) and message kept. */
export class WorkerError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The minimum of a Worker the channel uses, so tests can stand in for one. */
export interface Port {
  postMessage(message: Request, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  /** A worker that fails to load or crashes. */
  onerror: ((event: Event) => void) | null;
}

/**
 * Calls over a worker port, answered in order; `onStage` hears what the worker is doing and
 * null once every call is answered. The port is made on the first call, so the worker (and
 * the file layer inside it) loads only when a file is opened.
 */
export function portChannel(makePort: () => Port, onStage: (stage: Stage | null) => void): Channel {
  let port: Port | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  let idleWaiters: (() => void)[] = [];
  const settled = () => {
    if (waiting.size > 0) return;
    onStage(null);
    const resolve = idleWaiters;
    idleWaiters = [];
    for (const r of resolve) r();
  };

  const onReply = ({ data }: MessageEvent<Reply>) => {
    if (data.kind === 'progress') {
      if (waiting.has(data.id)) onStage(data.stage);
      return;
    }
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    if (data.kind === 'done') w.resolve(data.value as never);
    else w.reject(new WorkerError(data.name, data.message));
    settled();
  };

  const onError = (event: Event) => {
    const message = (event as ErrorEvent).message || 'worker failed';
    for (const w of waiting.values()) w.reject(new WorkerError('Error', message));
    waiting.clear();
    settled();
  };

  return {
    get idle() {
      return waiting.size === 0;
    },
    whenIdle() {
      return waiting.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    call(op, args, transfer = []) {
      if (!port) {
        port = makePort();
        port.onmessage = onReply;
        port.onerror = onError;
      }
      const id = nextId++;
      const p = port;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        p.postMessage({ id, op, args }, transfer);
      });
    },
  };
}
