/**
 * `npm run bench`: every case in fresh processes, several runs each; prints a table and writes
 * bench/out/latest.json and docs/benchmarks.md. `--case ID` runs one case once (used by the parent),
 * `--only PREFIX` limits the cases, `--repeat N` sets the runs (default 5; 3 for cases over 10 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, runOnce, type Result } from './harness';
import { CASES } from './cases';
import { RATIOS, renderMarkdown } from './report';

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
  const results: Result[] = [];
  for (const c of CASES.filter((x) => !only || x.id.startsWith(only))) {
    process.stderr.write(`… ${c.id}\n`);
    const first = measure(script, c, 1);
    const r = first.medianMs > 10000 || repeat <= 1 ? first : measure(script, c, Math.max(1, repeat));
    results.push(r);
    process.stderr.write(`  ${r.medianMs.toFixed(1)} ms, ${r.peakRssMb.toFixed(0)} MB\n`);
  }
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
  const root = path.join(__dirname, '..');
  fs.mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'out', 'latest.json'), JSON.stringify({ machine, results }, null, 1));
  const md = renderMarkdown(machine, results, RATIOS);
  if (!only) fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), md);
  process.stdout.write(md);
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
