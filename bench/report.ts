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

export type ById = ReadonlyMap<string, Result>;

/** A promise of issue 10 and the figure that keeps it or not. */
export interface Target {
  /** What is promised, e.g. 'under 1 s'. */
  goal: string;
  /** The figure from this run; undefined when its case did not run. */
  figure(byId: ById): number | undefined;
  show(v: number): string;
  /** Absent for a figure the issue asks for without a target. */
  met?(v: number, byId: ById): boolean;
}

/** One case of the issue in docs/benchmarks.md: what it measures, against what, and its targets. */
export interface Section {
  title: string;
  about: string;
  targets: Target[];
}

export const SECTIONS: Section[] = [];

export function addSection(s: Section) {
  SECTIONS.push(s);
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The case's median time under `ms`. */
export function timeUnder(id: string, ms: number, goal: string): Target {
  return { goal, figure: (b) => b.get(id)?.medianMs, show: seconds, met: (v) => v < ms };
}

/** numerator ÷ denominator (median times) at least, or at most, `limit`. */
export function ratio(numerator: string, denominator: string, goal: string, ok: (v: number) => boolean): Target {
  return {
    goal,
    figure: (b) => {
      const n = b.get(numerator)?.medianMs;
      const d = b.get(denominator)?.medianMs;
      return n === undefined || d === undefined ? undefined : n / d;
    },
    show: (v) => `${v.toFixed(2)}×`,
    met: ok,
  };
}

/** One of a case's extra figures. */
export function extra(id: string, key: string, goal: string, show: (v: number) => string, ok?: (v: number, byId: ById) => boolean): Target {
  return { goal, figure: (b) => b.get(id)?.extra[key], show, met: ok };
}

const f = (n: number | undefined, digits = 0) => (n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

function targetLine(t: Target, byId: ById): { figure: string; verdict: string } {
  const v = t.figure(byId);
  if (v === undefined) return { figure: '(not run)', verdict: '' };
  if (!t.met) return { figure: t.show(v), verdict: '' };
  return { figure: t.show(v), verdict: t.met(v, byId) ? 'met' : '**not met**' };
}

export function renderMarkdown(machine: Record<string, unknown>, results: Result[], ratios: Ratio[], sections: Section[] = []): string {
  const load = (k: string) => (machine[k] as number[] | undefined)?.join(' / ') ?? '?';
  const byId: ById = new Map(results.map((r) => [r.id, r]));
  const lines = [
    '# Benchmarks',
    '',
    `Machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GiB, node ${machine.node}; run ${machine.date};`,
    `load average (1 / 5 / 15 min) ${load('loadAtStart')} at the start, ${load('loadAtEnd')} at the end.`,
    'A load above the core count means other work shared the machine: absolute times are then noisy,',
    'ratios of cases run side by side less so.',
    '',
    'Each case runs in fresh processes (median, min, max of the runs; a long case runs once), in rounds:',
    'every case once, then again, so the runs of cases compared in a ratio share the same minutes. Peak',
    'memory is the peak RSS of the case\'s process (a spawned program reports its own as childPeakMb).',
    'Regenerate with `npm run bench` (writes this file and bench/out/latest.json); `npm run bench --',
    '--only PREFIX --repeat N` runs some cases and leaves this file alone.',
  ];
  const shownSections = sections.filter((s) => s.targets.some((t) => t.figure(byId) !== undefined));
  if (shownSections.length) {
    lines.push('', '## Targets', '', '| case | target | this run | |', '| --- | --- | ---: | --- |');
    for (const s of shownSections) {
      for (const t of s.targets) {
        const { figure, verdict } = targetLine(t, byId);
        lines.push(`| ${s.title} | ${t.goal} | ${figure} | ${verdict} |`);
      }
    }
  }
  lines.push('', '## All results', '', '| case | rows | runs | median ms | min ms | max ms | rows/s | peak MB | figures |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    const notes = Object.entries(r.extra)
      .map(([k, v]) => `${k}=${f(v, 2)}`)
      .join(', ');
    lines.push(`| ${r.title} | ${f(r.rows)} | ${r.runs} | ${f(r.medianMs, 1)} | ${f(r.minMs, 1)} | ${f(r.maxMs, 1)} | ${f(r.rowsPerSecond)} | ${f(r.peakRssMb)} | ${notes} |`);
  }
  const shown = ratios.filter((q) => byId.has(q.numerator) && byId.has(q.denominator));
  if (shown.length) {
    lines.push('', '## Ratios (side by side in this run)', '', '| ratio | value | target |', '| --- | ---: | --- |');
    for (const q of shown) {
      const v = byId.get(q.numerator)!.medianMs / byId.get(q.denominator)!.medianMs;
      lines.push(`| ${q.title} | ${v.toFixed(2)}× | ${q.target} |`);
    }
  }
  if (shownSections.length) {
    lines.push('', '## The cases');
    for (const s of shownSections) {
      lines.push('', `### ${s.title}`, '', s.about, '');
      for (const t of s.targets) {
        const { figure, verdict } = targetLine(t, byId);
        lines.push(t.met ? `- Target ${t.goal}: ${figure} — ${verdict}.` : `- ${t.goal}: ${figure}.`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
