import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { children, CORPUS, PASSWORD, schoolWorkbook, VBA_PROJECT, type CorpusEntry } from './corpus';
import { baoxue, buildCliOnce, hasStackTrace, tempFiles, type Run } from './cli';
import { partsOf } from '../io/fixtures';
import { readWorkbookFile } from '../../src/io/readFile';
import { decryptWorkbook } from '../../src/io/encrypt/decrypt';
import { nodeAgileCrypto } from '../../src/io/encrypt/nodeCrypto';
import { openPackage, readWorkbook } from '../../src/io/xlsx';
import { BrowserHost } from '../../src/browser/host';
import { createWorkerApi } from '../../src/browser/workerApi';
import type { Channel } from '../../src/browser/channel';
import type { WorkerApi } from '../../src/browser/protocol';

/** A command that outlives this is taken for a hang (the 200,000-row list needs the most). */
const TIMEOUT_MS = 8 * 60_000;

let dir: string;

beforeAll(() => {
  buildCliOnce();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-corpus-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface CheckJson {
  files: { file: string; ok: boolean; error: string | null; sheets: { template: string; rows: number }[]; findings: { rule: string; cell: string; severity: string; message: string }[] }[];
}

interface MergeJson {
  inputs: { status: string; reason?: string; rows?: number }[];
  rowsOut: number;
  template: string | null;
}

const CHINESE = /[\u4e00-\u9fff]/;
/** The corpus's synthetic children: 学生N, with 身份证号 of 18 characters. */
const PERSONAL = /学生\d+|(?<!\d)\d{17}[\dXx](?!\d)/;

/** What every run must be: an exit status of the contract, Chinese words, no stack trace, no personal data, no leftovers. */
function expectSound(r: Run, codes: number[]): void {
  expect(codes).toContain(r.code);
  expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  expect(r.stdout + r.stderr).not.toMatch(PERSONAL);
  expect(tempFiles(dir)).toEqual([]);
}

function outputFor(e: CorpusEntry, what: string): string {
  const name = `${path.parse(e.file).name}.${what}${path.extname(e.file) === '.xlsm' ? '.xlsm' : '.xlsx'}`;
  const out = path.join(dir, name);
  fs.rmSync(out, { force: true });
  return out;
}

describe.each(CORPUS.map((e) => [e.name, e] as const))('%s', (_, entry) => {
  let file: string;
  let bytes: Uint8Array;
  let checked: CheckJson['files'][number];

  beforeAll(() => {
    bytes = entry.build();
    file = path.join(dir, entry.file);
    fs.writeFileSync(file, bytes);
  });

  it('check --json: ok or a Chinese reason, exit 0/1/2 as the contract says', () => {
    const r = baoxue(dir, ['check', entry.file, '--json'], TIMEOUT_MS);
    const doc = JSON.parse(r.stdout) as CheckJson;
    expect(doc.files).toHaveLength(1);
    checked = doc.files[0]!;
    if (entry.unreadable) {
      expectSound(r, [2]);
      expect(checked.ok).toBe(false);
      expect(checked.error).toMatch(entry.unreadable);
      expect(checked.error).toMatch(CHINESE);
    } else {
      expect(checked.ok).toBe(true);
      expect(checked.error).toBeNull();
      expectSound(r, [checked.findings.some((f) => f.severity === 'error') ? 1 : 0]);
      if (entry.clean) expect(checked.findings.filter((f) => entry.clean!.test(f.rule))).toEqual([]);
      for (const want of entry.expect ?? []) {
        const hit = checked.findings.find((f) => f.rule === want.rule && f.cell === want.cell);
        expect(hit).toBeDefined();
        if (want.message) expect(hit!.message).toMatch(want.message);
      }
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('check (text report): the same verdict in Chinese', () => {
    const r = baoxue(dir, ['check', entry.file], TIMEOUT_MS);
    const errors = checked.findings.filter((f) => f.severity === 'error').length;
    expectSound(r, [entry.unreadable ? 2 : errors > 0 ? 1 : 0]);
    expect(r.stdout).toContain(entry.file);
    if (entry.unreadable) expect(r.stdout).toMatch(entry.unreadable);
    else expect(r.stdout).toContain(`${errors} 处错误`);
  });

  it('fill: writes the totals or says in Chinese why not, never leaving a partial file', () => {
    const out = outputFor(entry, 'filled');
    const r = baoxue(dir, ['fill', entry.file, '-o', out], TIMEOUT_MS);
    if (entry.fills) {
      expectSound(r, [0]);
      expect(r.stdout).toMatch(CHINESE);
      const names = (b: Uint8Array) => openPackage(b).sheets().map((s) => s.name);
      expect(names(new Uint8Array(fs.readFileSync(out)))).toEqual(expect.arrayContaining(names(bytes)));
    } else {
      expectSound(r, [2]);
      expect(r.stderr).toMatch(CHINESE);
      if (entry.unreadable) expect(r.stderr).toMatch(entry.unreadable);
      expect(fs.existsSync(out)).toBe(false);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('merge --json: merges every data row check saw, or rejects the file with its reason', () => {
    const out = path.join(dir, `${path.parse(entry.file).name}.county.xlsx`);
    fs.rmSync(out, { force: true });
    const r = baoxue(dir, ['merge', entry.file, '-o', out, '--json'], TIMEOUT_MS);
    const doc = JSON.parse(r.stdout) as MergeJson;
    if (entry.merges) {
      expectSound(r, [0]);
      const rowsSeen = checked.sheets.filter((s) => s.template === doc.template).reduce((n, s) => n + s.rows, 0);
      expect(doc.rowsOut).toBe(rowsSeen);
      expect(fs.existsSync(out)).toBe(true);
    } else {
      expectSound(r, [2]);
      expect(doc.inputs[0]!.status).toBe('rejected');
      expect(doc.inputs[0]!.reason).toMatch(entry.unreadable ?? CHINESE);
      expect(fs.existsSync(out)).toBe(false);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it("the browser page's host (in node, its worker in-process): opens, checks, fills, marks and saves, or refuses in Chinese", async () => {
    const host = new BrowserHost(inProcessChannel());
    if (entry.unreadable) {
      const opening = host.open(bytes.slice(), entry.file);
      await expect(opening).rejects.toMatchObject({ name: 'XlsxError', message: expect.stringMatching(CHINESE) });
      await opening.catch((e: Error) => expect(e.message).toMatch(entry.pageReason ?? entry.unreadable!));
      return;
    }
    await host.open(bytes.slice(), entry.file);
    const grid = await host.readWorkbook();
    const report = await host.check(grid, { referenceDate: '2026-09-01' });
    for (const o of await host.fillTotals(grid)) {
      if (o.kind === 'cells') await host.writeCells(o.sheet, o.cells);
      else await host.addSheet(o.newSheet);
    }
    await host.markFindings(report.findings);
    await host.clearMarks();
    const saved = await host.save();
    expect(openPackage(saved.bytes).sheets().map((s) => s.name)).toEqual(expect.arrayContaining(grid.sheets.map((s) => s.name)));
  });
});

/** The worker's operations called directly: the page's host needs no DOM and no Worker for this. */
function inProcessChannel(): Channel {
  const api = createWorkerApi(() => undefined);
  return {
    idle: true,
    whenIdle: () => Promise.resolve(),
    call: async <K extends keyof WorkerApi>(op: K, args: Parameters<WorkerApi[K]>) =>
      (api[op] as (...a: unknown[]) => ReturnType<WorkerApi[K]>)(...(args as unknown[])),
  };
}

describe('an encrypted workbook with --password', () => {
  let file: string;

  beforeAll(() => {
    file = path.join(dir, 'protected.xlsx');
    fs.writeFileSync(file, CORPUS.find((e) => e.file === 'encrypted.xlsx')!.build());
  });

  it('check reads it', () => {
    const r = baoxue(dir, ['check', 'protected.xlsx', '--json', '--password', PASSWORD], TIMEOUT_MS);
    const doc = JSON.parse(r.stdout) as CheckJson;
    expectSound(r, [0, 1]);
    expect(doc.files[0]!.ok).toBe(true);
    expect(doc.files[0]!.sheets.map((s) => s.template)).toEqual(['wafangdian-individual', 'wafangdian-totals']);
  });

  it('a wrong password gets a Chinese reason, not a crash', () => {
    const r = baoxue(dir, ['check', 'protected.xlsx', '--json', '--password', 'wrong'], TIMEOUT_MS);
    expectSound(r, [2]);
    expect((JSON.parse(r.stdout) as CheckJson).files[0]!.error).toMatch(/密码不对/);
  });

  it('fill reads it and writes OUT under the same password', async () => {
    const out = path.join(dir, 'protected.filled.xlsx');
    const r = baoxue(dir, ['fill', 'protected.xlsx', '-o', out, '--password', PASSWORD], TIMEOUT_MS);
    expectSound(r, [0]);
    expect(r.stdout).toContain('输出文件已用密码加密');
    const written = new Uint8Array(fs.readFileSync(out));
    expect(() => readWorkbook(written)).toThrow(/已加密/);
    const plain = await decryptWorkbook(written, PASSWORD, nodeAgileCrypto);
    expect(readWorkbook(plain).sheets.map((s) => s.name)).toEqual(['附件4', '附件5']);
  });

  it('merge reads it with the other inputs', async () => {
    fs.writeFileSync(path.join(dir, 'plain-school.xlsx'), schoolWorkbook(children(6, 100)));
    const out = path.join(dir, 'protected.county.xlsx');
    const r = baoxue(dir, ['merge', 'protected.xlsx', 'plain-school.xlsx', '-o', out, '--json', '--password', PASSWORD], TIMEOUT_MS);
    expectSound(r, [0]);
    const doc = JSON.parse(r.stdout) as MergeJson;
    expect(doc.inputs.map((i) => i.status)).toEqual(['merged', 'merged']);
    expect((await readWorkbookFile(out, { password: PASSWORD })).sheets.length).toBeGreaterThan(0);
  });
});

describe('cells merged across data rows', () => {
  it('merge gives every row the merged 地市 and 区县', async () => {
    fs.writeFileSync(path.join(dir, 'merged-down.xlsx'), CORPUS.find((e) => e.file === 'merged.xlsx')!.build());
    const out = path.join(dir, 'merged-down.county.xlsx');
    expectSound(baoxue(dir, ['merge', 'merged-down.xlsx', '-o', out], TIMEOUT_MS), [0]);
    const sheet = (await readWorkbookFile(out)).sheets[0]!;
    const header = sheet.rows.findIndex((r) => r.includes('区县'));
    const [city, county] = ['地市', '区县'].map((h) => sheet.rows[header]!.indexOf(h));
    const body = sheet.rows.slice(header + 1).filter((r) => typeof r[0] === 'number');
    expect(body).toHaveLength(8);
    for (const r of body) expect([r[city!], r[county!]]).toEqual(['大连市', '瓦房店市']);
  });
});

describe('a macro-enabled workbook', () => {
  it('fill keeps its macros byte for byte (they are data to us, never run) and insists on .xlsm', () => {
    fs.writeFileSync(path.join(dir, 'macros.xlsm'), CORPUS.find((e) => e.file === 'macros.xlsm')!.build());
    const out = path.join(dir, 'macros.kept.xlsm');
    expectSound(baoxue(dir, ['fill', 'macros.xlsm', '-o', out], TIMEOUT_MS), [0]);
    expect(Buffer.from(partsOf(new Uint8Array(fs.readFileSync(out)))['xl/vbaProject.bin']!).equals(VBA_PROJECT)).toBe(true);
    const wrongExtension = baoxue(dir, ['fill', 'macros.xlsm', '-o', path.join(dir, 'macros.lost.xlsx')], TIMEOUT_MS);
    expectSound(wrongExtension, [2]);
    expect(wrongExtension.stderr).toContain('.xlsm');
    expect(fs.existsSync(path.join(dir, 'macros.lost.xlsx'))).toBe(false);
  });
});
