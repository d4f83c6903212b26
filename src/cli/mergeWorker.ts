// A worker thread of `baoxue merge` (bundled to dist/baoxue-merge-worker.cjs): reads and checks
// the schools' workbooks it is sent, strictly one at a time (one workbook in memory), and
// answers each with what the merge keeps.
import { parentPort } from 'node:worker_threads';
import { processSchool, type SchoolJob } from './mergeSchool';

let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: SchoolJob & { index: number }) => {
  queue = queue.then(() => processSchool(job).then((done) => parentPort!.postMessage({ index: job.index, done })));
});
