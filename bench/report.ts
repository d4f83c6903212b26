import type { Result } from './harness';

/** Ratios measured side by side in one run (absolute times drift between machines and days). */
export interface Ratio {
  title: string;
  numerator: string;
  denominator: string;
  target: string;
}

export const RATIOS: Ratio[] = [];

export function addRatio(r: Ratio) {
  RATIOS.push(r);
}

const f = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function renderMarkdown(machine: Record<string, unknown>, results: Result[], ratios: Ratio[]): string {
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GiB, node ${machine.node}; run ${machine.date}.`,
    'Each case runs in fresh processes (median, min, max of the runs); peak memory is the process peak RSS.',
    'Regenerate with `npm run bench` (writes this file and bench/out/latest.json).',
    '',
    '| case | rows | median ms | min ms | max ms | rows/s | peak MB | notes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of results) {
    const notes = Object.entries(r.extra)
      .map(([k, v]) => `${k}=${f(v, 2)}`)
      .join(', ');
    lines.push(`| ${r.title} | ${f(r.rows)} | ${f(r.medianMs, 1)} | ${f(r.minMs, 1)} | ${f(r.maxMs, 1)} | ${f(r.rowsPerSecond)} | ${f(r.peakRssMb)} | ${notes} |`);
  }
  const byId = new Map(results.map((r) => [r.id, r]));
  const shown = ratios.filter((q) => byId.has(q.numerator) && byId.has(q.denominator));
  if (shown.length) {
    lines.push('', '| ratio | value | target |', '| --- | ---: | --- |');
    for (const q of shown) {
      const v = byId.get(q.numerator)!.medianMs / byId.get(q.denominator)!.medianMs;
      lines.push(`| ${q.title} | ${v.toFixed(2)}× | ${q.target} |`);
    }
  }
  return lines.join('\n') + '\n';
}
