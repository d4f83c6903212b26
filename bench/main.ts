/**
 * `npm run bench`: every case in fresh processes, several runs each; prints a table and writes
 * bench/out/latest.json and docs/benchmarks.md. `--case ID` runs one case once (used by the parent),
 * `--only PREFIX` limits the cases, `--repeat N` sets the runs (default 5: a short case's runs
 * vary by a quarter). A case gets fewer runs when its first process shows that they would take
 * over CASE_BUDGET_MS together (a 1M-row case runs once; a case can ask for a minimum, see
 * BenchCase.minRuns), so that the whole bench stays under 10 minutes on 2 cores. Runs go in
 * rounds over all cases (see below).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOnce, sample, summarise, type Result, type Sample } from './harness';
import { CASES } from './cases';
import { RATIOS, SECTIONS, renderMarkdown } from './report';

const CASE_BUDGET_MS = 15_000;

async function main() {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const one = arg('--case');
  if (one) {
    const c = CASES.find((x) => x.id === one);
    if (!c) throw new Error(`no case ${one}`);
    await runOnce(c);
    return;
  }
  const only = arg('--only');
  const repeat = Number(arg('--repeat') ?? 5);
  const script = process.argv[1]!;
  const loadAtStart = os.loadavg();
  const cases = CASES.filter((x) => !only || x.id.startsWith(only));
  const samples = new Map<string, Sample[]>();
  const runs = new Map<string, number>();
  // The first round runs every case once; its process time decides how many runs the case gets.
  for (const c of cases) {
    process.stderr.write(`… ${c.id}\n`);
    const t0 = Date.now();
    samples.set(c.id, [sample(script, c)]);
    // The budget counts each run's whole process (inputs generated, browser started), not only its timed part.
    runs.set(c.id, Math.min(repeat, Math.max(c.minRuns ?? 1, Math.floor(CASE_BUDGET_MS / (Date.now() - t0)))));
  }
  // Further rounds go through the cases again, one run each: the runs of cases compared in a ratio
  // are spread over the same minutes, so a slow spell of the machine weighs on both sides alike.
  for (let more = true; more; ) {
    more = false;
    for (const c of cases) {
      const done = samples.get(c.id)!;
      if (done.length >= runs.get(c.id)!) continue;
      process.stderr.write(`… ${c.id} (run ${done.length + 1})\n`);
      done.push(sample(script, c));
      more = true;
    }
  }
  const results: Result[] = cases.map((c) => summarise(c, samples.get(c.id)!));
  for (const r of results) process.stderr.write(`  ${r.id}: ${r.medianMs.toFixed(1)} ms (${r.runs} runs), ${r.peakRssMb.toFixed(0)} MB\n`);
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    // Other work on the machine (1, 5 and 15 minute load averages, before and after): noisy when high.
    loadAtStart: loadAtStart.map((x) => Number(x.toFixed(2))),
    loadAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
  };
  const root = path.join(__dirname, '..');
  fs.mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'out', 'latest.json'), JSON.stringify({ machine, results }, null, 1));
  const md = renderMarkdown(machine, results, RATIOS, SECTIONS);
  if (!only) fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), md);
  process.stdout.write(md);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
