import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** Running the real command, as users and outside checks do: node bin/baoxue.cjs. */

export const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'baoxue.cjs');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Builds dist/baoxue.cjs once if the sources changed, so the spawned commands do not each rebuild it. */
export function buildCliOnce(): void {
  const build = require(path.join(ROOT, 'scripts', 'build-cli.cjs')) as { isStale(): boolean; buildCli(): void };
  if (build.isStale()) build.buildCli();
}

/** Runs `baoxue ARGS` in `cwd`; a run that outlives `timeoutMs` is a hang and fails the test. */
export function baoxue(cwd: string, args: string[], timeoutMs: number): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 ** 3, killSignal: 'SIGKILL' });
  if (r.error) throw new Error(`baoxue ${args.join(' ')}: ${r.error.message}`);
  if (r.status === null) throw new Error(`baoxue ${args.join(' ')} was killed (${r.signal}): a hang or a crash`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What a stack trace or a raw JavaScript error looks like in output. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$|\b(TypeError|RangeError|ReferenceError|SyntaxError|AssertionError)\b|node:internal|\.(ts|cjs|js):\d+/m;

export function hasStackTrace(text: string): boolean {
  return STACK.test(text);
}

/** Leftovers of an atomic write (writeFileAtomic's temporary files). */
export function tempFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}
