// A worker thread of `baoxue merge` (bundled to dist/baoxue-merge-worker.cjs): reads and checks
// the schools' workbooks it is sent, one at a time, and answers with what the merge keeps.
import { parentPort } from 'node:worker_threads';
import { processSchool, type SchoolJob } from './mergeSchool';

parentPort?.on('message', (job: SchoolJob & { index: number }) => {
  void processSchool(job).then((done) => parentPort!.postMessage({ index: job.index, done }));
});
