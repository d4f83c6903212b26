/** The browser page's worker (src/browser/worker.ts) for Node's worker_threads: the bench's stand-in for a Web Worker. */
import { parentPort } from 'node:worker_threads';
import { answer, createWorkerApi } from '../src/browser/workerApi';
import type { Request } from '../src/browser/protocol';

const port = parentPort!;
const api = createWorkerApi(() => undefined);
let queue = Promise.resolve();
port.on('message', (request: Request) => {
  queue = queue.then(() => answer(api, request, (reply, transfer) => port.postMessage(reply, transfer as never)));
});
