import type { Stage } from './protocol';
import { portChannel, type Channel, type Port } from './channel';

/** The page's channel to its worker (webpack bundles ./worker.ts as a separate script). */
export function workerChannel(onStage: (stage: Stage | null) => void): Channel {
  return portChannel(() => new Worker(new URL('./worker.ts', import.meta.url)) as unknown as Port, onStage);
}
