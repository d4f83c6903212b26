import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCli } from '../../src/cli/args';
import { runMerge } from '../../src/cli/merge';
import { baoxue, buildCliOnce } from '../hardening/cli';

/** The spawned command reads and checks schools in worker threads; what it writes must not depend on that. */

let dir: string;
const SAMPLES = path.join(__dirname, '../../../shared/samples');

beforeAll(() => {
  buildCliOnce();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-workers-'));
  fs.mkdirSync(path.join(dir, 'in'));
  // Enough files for worker threads (eight per thread): both tables of 赣县, 附件4 of 瓦房店, and a broken file.
  for (let i = 0; i < 20; i++) {
    const sample = i % 3 === 0 ? 'wafangdian.xlsx' : 'ganxian.xlsx';
    fs.copyFileSync(path.join(SAMPLES, sample), path.join(dir, 'in', `${String(i).padStart(2, '0')}_${sample}`));
  }
  fs.writeFileSync(path.join(dir, 'in', '99_坏.xlsx'), 'not a workbook');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('the worker threads of the spawned command write the same workbook and report as one thread', async () => {
  // Two threads whatever the machine's load (on a busy machine the command would take none).
  process.env.BAOXUE_MERGE_THREADS = '2';
  let threaded;
  try {
    threaded = baoxue(dir, ['merge', 'in', '-o', 'threaded.xlsx', '--json'], 300_000);
  } finally {
    delete process.env.BAOXUE_MERGE_THREADS;
  }
  expect(threaded.stderr).toBe('');
  const spy = jest.spyOn(process.stdout, 'write');
  const out: string[] = [];
  spy.mockImplementation((s) => (out.push(String(s)), true));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    expect(await runMerge(parseCli(['merge', 'in', '-o', 'single.xlsx', '--json']))).toBe(threaded.code);
  } finally {
    process.chdir(cwd);
    spy.mockRestore();
  }
  const a = JSON.parse(threaded.stdout);
  const b = JSON.parse(out.join(''));
  expect(a.rowsOut).toBe(7 * 150 + 13 * 50);
  expect({ ...a, output: null }).toEqual({ ...b, output: null });
  expect(fs.readFileSync(path.join(dir, 'threaded.xlsx')).equals(fs.readFileSync(path.join(dir, 'single.xlsx')))).toBe(true);
});
