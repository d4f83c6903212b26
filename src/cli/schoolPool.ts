import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processSchool, type SchoolDone, type SchoolJob } from './mergeSchool';

/** The bundled worker, beside the bundled command; absent when running from the sources (tests). */
const WORKER_FILE = path.join(__dirname, 'baoxue-merge-worker.cjs');
/** Below this many files per extra thread, starting a thread costs more than it saves. */
const FILES_PER_WORKER = 8;

/**
 * Reads and checks every school, on every core when the worker bundle is there: each thread
 * holds one workbook at a time and sends back only what the merge keeps, so memory does not
 * grow with the number of files. Results come in the order of `files`; `tick` after each.
 */
export async function processSchools(files: readonly string[], job: Omit<SchoolJob, 'file'>, tick: (file: string) => void): Promise<SchoolDone[]> {
  // A thread helps only on a core that is free: on a machine already busy (load average at its
  // core count) it costs more than it gains. Windows reports no load (0): threads there.
  // BAOXUE_MERGE_THREADS sets the count (tests, or a user who knows the machine better).
  const idleCores = Math.floor(os.availableParallelism() - os.loadavg()[0]!);
  const asked = Number(process.env.BAOXUE_MERGE_THREADS);
  const threads = Number.isInteger(asked) && asked >= 0 ? asked : Math.min(idleCores, Math.floor(files.length / FILES_PER_WORKER));
  if (threads < 2 || !fs.existsSync(WORKER_FILE)) {
    const done: SchoolDone[] = [];
    for (const file of files) {
      done.push(await processSchool({ ...job, file }));
      tick(file);
    }
    return done;
  }
  const results = new Array<SchoolDone>(files.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_FILE));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
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
            worker.once('error', reject);
            // Two jobs in flight: a thread never waits for the main thread to hand it the next file.
            send();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
