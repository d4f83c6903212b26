import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';

export const HAS_OPENPYXL = spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/** `it` when openpyxl is there; otherwise a skipped test that says why. */
export const itWithOpenpyxl: jest.It = HAS_OPENPYXL
  ? it
  : (((name: string, fn?: jest.ProvidesCallback) => it.skip(`${name} — skipped: python3-openpyxl is not installed`, fn)) as jest.It);

/** Runs a Python snippet that gets the workbook path as sys.argv[1] and prints JSON. */
export function openpyxlJson<T>(bytes: Uint8Array, script: string): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-openpyxl-'));
  const file = path.join(dir, 'book.xlsx');
  fs.writeFileSync(file, bytes);
  try {
    const run = spawnSync(PYTHON, ['-W', 'ignore', '-c', `import json, sys, openpyxl\n${script}`, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openpyxl failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as T;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
