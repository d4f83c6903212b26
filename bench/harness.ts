import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** One benchmark case: `prepare` runs untimed, `run` is timed. Each repetition runs in a fresh process. */
export interface BenchCase {
  id: string;
  title: string;
  /** Rows processed per run, for rows per second. */
  rows?: number;
  /** Runs even when they exceed the time budget (up to --repeat): a ratio's side whose runs vary a lot. */
  minRuns?: number;
  prepare(): Promise<unknown> | unknown;
  run(input: unknown): Promise<Record<string, number> | void> | Record<string, number> | void;
  /** Runs untimed after `run`: closes what `prepare` opened (a browser, a server). */
  dispose?(input: unknown): Promise<void> | void;
}

export interface Sample {
  ms: number;
  peakRssMb: number;
  extra: Record<string, number>;
}

export interface Result {
  id: string;
  title: string;
  rows?: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  rowsPerSecond?: number;
  peakRssMb: number;
  extra: Record<string, number>;
}

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux: fall back to the current RSS */
  }
  return process.memoryUsage().rss / 1048576;
}

/** Runs one case once in this process and prints its sample as JSON (the child side). */
export async function runOnce(c: BenchCase): Promise<void> {
  const input = await c.prepare();
  const t0 = process.hrtime.bigint();
  const extra = (await c.run(input)) ?? {};
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await c.dispose?.(input);
  const sample: Sample = { ms, peakRssMb: peakRssMb(), extra };
  process.stdout.write('\nBENCH ' + JSON.stringify(sample) + '\n');
}

/** Runs the case once in a fresh process (the parent side). */
export function sample(script: string, c: BenchCase): Sample {
  const p = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '--case', c.id], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = p.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (p.status !== 0 || !line) throw new Error(`case ${c.id} failed: ${p.stderr.slice(0, 2000)}`);
  return JSON.parse(line.slice(6)) as Sample;
}

/** Median, min and max of the runs; each extra figure is its median too. */
export function summarise(c: BenchCase, samples: readonly Sample[]): Result {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  const extra: Record<string, number> = {};
  for (const k of Object.keys(samples[0]!.extra)) {
    const v = samples.map((s) => s.extra[k]!).sort((a, b) => a - b);
    extra[k] = v[Math.floor(v.length / 2)]!;
  }
  return {
    id: c.id,
    title: c.title,
    rows: c.rows,
    runs: samples.length,
    medianMs: median,
    minMs: ms[0]!,
    maxMs: ms[ms.length - 1]!,
    rowsPerSecond: c.rows ? Math.round((c.rows / median) * 1000) : undefined,
    peakRssMb: Math.max(...samples.map((s) => s.peakRssMb)),
    extra,
  };
}
