/**
 * `npm run bench`: every case in fresh processes, several runs each; prints a table and writes
 * bench/out/latest.json and docs/benchmarks.md. `--case ID` runs one case once (used by the parent),
 * `--only PREFIX` limits the cases, `--repeat N` sets the runs (default 3). A case gets fewer runs
 * when its first process shows that they would take over CASE_BUDGET_MS together (a 1M-row case
 * runs once), so that the whole bench stays under 10 minutes on 2 cores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOnce, sample, summarise, type Result } from './harness';
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
  const repeat = Number(arg('--repeat') ?? 3);
  const script = process.argv[1]!;
  const results: Result[] = [];
  const loadAtStart = os.loadavg();
  for (const c of CASES.filter((x) => !only || x.id.startsWith(only))) {
    process.stderr.write(`… ${c.id}\n`);
    const t0 = Date.now();
    const samples = [sample(script, c)];
    // The budget counts each run's whole process (inputs generated, browser started), not only its timed part.
    const runs = Math.max(1, Math.min(repeat, Math.floor(CASE_BUDGET_MS / (Date.now() - t0))));
    while (samples.length < runs) samples.push(sample(script, c));
    const r = summarise(c, samples);
    results.push(r);
    process.stderr.write(`  ${r.medianMs.toFixed(1)} ms (${r.runs} runs), ${r.peakRssMb.toFixed(0)} MB\n`);
  }
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
