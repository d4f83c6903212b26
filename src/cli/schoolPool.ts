import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processSchool, type SchoolDone, type SchoolJob } from './mergeSchool';

/** The bundled worker, beside the bundled command; absent when running from the sources (tests). */
const WORKER_FILE = path.join(__dirname, 'baoxue-merge-worker.cjs');
/** Below this many files left per extra thread, starting a thread costs more than it saves. */
const FILES_PER_WORKER = 8;
/** How long the command works alone while it measures how much of the machine is idle. */
const PROBE_MS = 100;
/** A core counts as free when at least this much of it went unused while the command worked alone. */
const FREE_CORE = 0.7;

/** Milliseconds every core has spent idle since boot. */
function idleMs(): number {
  return os.cpus().reduce((n, c) => n + c.times.idle, 0);
}

/** CPU milliseconds this process has used, all its threads (V8's compiler and collector too). */
function ownMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Extra threads worth starting, measured rather than guessed: the cores neither idle nor used
 * by this process while this thread worked alone for PROBE_MS are someone else's. A thread
 * helps only on a core nobody else uses, and the load average lags by a minute (it still
 * counts programs that just ended).
 */
function idleProbe(): () => number | null {
  const start = Date.now();
  const idle0 = idleMs();
  const own0 = ownMs();
  return () => {
    const wall = Date.now() - start;
    if (wall < PROBE_MS) return null;
    const free = (idleMs() - idle0 + ownMs() - own0) / wall - 1; // cores, this thread's own left out
    return Math.floor(free + (1 - FREE_CORE));
  };
}

/** BAOXUE_MERGE_THREADS: threads in all, this one included (tests, or a user who knows the machine better). */
function threadsAsked(): number | undefined {
  const asked = Number(process.env.BAOXUE_MERGE_THREADS);
  return process.env.BAOXUE_MERGE_THREADS && Number.isInteger(asked) && asked >= 0 ? asked : undefined;
}

/**
 * Reads and checks every school: this thread takes them one by one, and worker threads (when
 * the worker bundle is there and cores are idle) take them from the same queue. Each thread
 * holds one workbook at a time and keeps only what the merge needs, so memory does not grow
 * with the number of files. Results come in the order of `files`; `tick` after each.
 */
export async function processSchools(files: readonly string[], job: Omit<SchoolJob, 'file'>, tick: (file: string) => void): Promise<SchoolDone[]> {
  const results = new Array<SchoolDone>(files.length);
  let next = 0;
  const workers: Worker[] = [];
  const running: Promise<void>[] = [];
  // A worker's failure is thrown once this thread is done with its own files, not left unhandled meanwhile.
  let failure: unknown = null;
  const failed = new Map<Worker, unknown>();

  const boot = (count: number): Worker[] =>
    Array.from({ length: Math.max(0, count) }, () => {
      const worker = new Worker(WORKER_FILE);
      worker.once('error', (e) => failed.set(worker, e));
      workers.push(worker);
      return worker;
    });

  const feed = (worker: Worker) =>
    running.push(
      new Promise<void>((resolve) => {
        const fail = (e: unknown) => {
          failure ??= e;
          resolve();
        };
        if (failed.has(worker)) return fail(failed.get(worker));
        let pending = 0;
        const send = () => {
          if (next >= files.length) {
            if (pending === 0) resolve();
            return;
          }
          const index = next++;
          pending++;
          worker.postMessage({ ...job, file: files[index], index });
        };
        worker.on('message', (m: { index: number; done: SchoolDone }) => {
          pending--;
          results[m.index] = m.done;
          tick(files[m.index]!);
          send();
        });
        worker.once('error', fail);
        // Two jobs in flight: the worker never waits for this thread to hand it the next file.
        send();
        send();
      }),
    );

  const workable = fs.existsSync(WORKER_FILE);
  const asked = threadsAsked();
  if (workable && asked !== undefined) boot(asked - 1).forEach(feed);
  // Threads that may help are started at once and fed only if the probe finds their cores idle:
  // their start-up (0.1-0.15 s) overlaps the probe instead of following it.
  const spare = workable && asked === undefined ? boot(Math.min(os.availableParallelism() - 1, Math.floor(files.length / FILES_PER_WORKER))) : [];
  let probe = spare.length > 0 ? idleProbe() : null;
  try {
    while (next < files.length) {
      const index = next++;
      results[index] = await processSchool({ ...job, file: files[index]! });
      tick(files[index]!);
      // Reading is synchronous: let the workers' answers in, or they would get no new file until this loop ends.
      await new Promise((resolve) => setImmediate(resolve));
      const free = probe?.();
      if (free != null) {
        probe = null;
        const used = Math.max(0, Math.min(free, Math.floor((files.length - next) / FILES_PER_WORKER)));
        spare.slice(0, used).forEach(feed);
        await Promise.all(spare.slice(used).map((w) => w.terminate()));
      }
    }
    await Promise.all(running);
    if (failure !== null) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
