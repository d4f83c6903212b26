/** The browser page's worker: reading, checking and writing the workbook happen here, off the page's thread. */
import type { Reply, Request, Stage } from './protocol';
import { answer, createWorkerApi } from './workerApi';

const scope = self as unknown as {
  postMessage(message: Reply, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
};

/** The request being answered, named in its progress messages. */
let current = 0;
const api = createWorkerApi((stage: Stage) => scope.postMessage({ kind: 'progress', id: current, stage }, []));
/** One request at a time, in order, even while one waits (a merge loads part of itself). */
let queue = Promise.resolve();

scope.onmessage = ({ data }) => {
  queue = queue.then(() => {
    current = data.id;
    return answer(api, data, (reply, transfer) => scope.postMessage(reply, transfer));
  });
};
