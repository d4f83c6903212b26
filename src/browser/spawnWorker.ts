import type { Stage } from './protocol';
import { portChannel, type Channel, type Port } from './channel';

/** A new worker (webpack bundles ./worker.ts as a separate script); the Excel pane runs its checks in one too. */
export function spawnWorker(): Port & { terminate(): void } {
  return new Worker(new URL('./worker.ts', import.meta.url)) as unknown as Port & { terminate(): void };
}

/** The page's channel to its worker. */
export function workerChannel(onStage: (stage: Stage | null) => void): Channel {
  return portChannel(spawnWorker, onStage);
}
