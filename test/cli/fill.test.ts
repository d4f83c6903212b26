import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseCli } from '../../src/cli/args';
import { runFill } from '../../src/cli/fill';
import { UsageError } from '../../src/cli/profile';
import { captureOutput } from '../helpers/captureOutput';

const SAMPLES = path.join(__dirname, '../../../shared/samples');
const KEY = JSON.parse(fs.readFileSync(`${SAMPLES}/key.json`, 'utf8'));

let dir: string;
const { out, err } = captureOutput();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-fill-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runFill(parseCli(['fill', ...argv]));

/** Reads a workbook with openpyxl, an independent reader: every sheet's values and state. */
function openpyxl(file: string): { sheets: Record<string, { state: string; rows: unknown[][] }>; x14: boolean } {
  const script = `
import json, sys, zipfile, warnings
warnings.simplefilter("ignore")
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
z = zipfile.ZipFile(sys.argv[1])
blob = "".join(z.read(n).decode("utf8", "replace") for n in z.namelist() if n.startswith("xl/worksheets/"))
print(json.dumps({"sheets": {ws.title: {"state": ws.sheet_state, "rows": [list(r) for r in ws.iter_rows(values_only=True)]} for ws in wb},
                  "x14": "x14:dataValidation" in blob and "字典!$A$1:$A$13" in blob}, ensure_ascii=False, default=str))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

/** The key's figures in the column order of 附件5: 合计, A–M, 复学人数. */
function keyRow(label: string): number[] {
  const k = KEY['wafangdian.xlsx'].totals.rows[label];
  return ['all', ...'ABCDEFGHIJKLM'.split(''), 'ret'].map((id) => k[id]);
}

describe('baoxue fill', () => {
  it('fills 附件5 of the sample from 附件4 and leaves the detail sheet as it was', async () => {
    const target = path.join(dir, 'filled.xlsx');
    const input = `${SAMPLES}/wafangdian.xlsx`;
    const before = fs.readFileSync(input);
    expect(await run(input, '-o', target)).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(out.join('')).toContain('已填写“附件5”');
    expect(out.join('')).toContain('“附件4”有 3 行未计入汇总');

    const filled = openpyxl(target);
    const original = openpyxl(input);
    const t = filled.sheets['附件5']!.rows;
    expect(t[3]!.slice(0, 2)).toEqual(['大连市', '瓦房店市']);
    expect(t[3]!.slice(2)).toEqual(keyRow('瓦房店市'));
    expect(t[4]!.slice(2)).toEqual(keyRow('总计'));
    expect(t[5]).toEqual(original.sheets['附件5']!.rows[5]); // the note
    expect(filled.sheets['附件4']).toEqual(original.sheets['附件4']);
  });

  it('keeps the x14 dropdown and the hidden 字典 sheet', async () => {
    const target = path.join(dir, 'filled.xlsx');
    expect(await run(`${SAMPLES}/wafangdian_x14.xlsx`, '-o', target)).toBe(0);
    const filled = openpyxl(target);
    expect(filled.x14).toBe(true);
    expect(filled.sheets['字典']!.state).toBe('hidden');
    expect(filled.sheets['附件5']!.rows[4]!.slice(2)).toEqual(keyRow('总计'));
  });

  it('adds a 附件5 sheet when the workbook has only 附件4, and a 汇总 sheet with --summary', async () => {
    const only4 = path.join(dir, 'only4.xlsx');
    const script = `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1]); del wb["附件5"]; wb.save(sys.argv[2])`;
    execFileSync('/usr/bin/python3', ['-W', 'ignore', '-c', script, `${SAMPLES}/wafangdian.xlsx`, only4]);
    const target = path.join(dir, 'filled.xlsx');
    expect(await run(only4, '-o', target, '--summary')).toBe(0);
    const filled = openpyxl(target);
    expect(Object.keys(filled.sheets)).toEqual(['附件4', '附件5', '汇总']);
    const t = filled.sheets['附件5']!.rows;
    expect(t[0]![0]).toBe('瓦房店市疑似失学儿童核查劝返总体情况汇总表');
    expect(t[3]!.slice(0, 2)).toEqual(['大连市', '瓦房店市']);
    expect(t[3]!.slice(2)).toEqual(keyRow('瓦房店市'));
    expect(t[4]![0]).toBe('总计');
    expect(t[4]!.slice(2)).toEqual(keyRow('总计'));
    const s = filled.sheets['汇总']!.rows;
    expect(s[3]!.slice(0, 2)).toEqual(['瓦房店市', 150]); // 汇总 counts every row, 合计 included
  });

  it('refuses to write over its input', async () => {
    const copy = path.join(dir, 'a.xlsx');
    fs.copyFileSync(`${SAMPLES}/wafangdian.xlsx`, copy);
    await expect(run(copy, '-o', path.join(dir, '.', 'a.xlsx'))).rejects.toThrow(UsageError);
    await expect(run(copy)).rejects.toThrow(UsageError);
  });

  it('exits 2 for a file it cannot read, and for a workbook with nothing to fill', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'not a workbook');
    expect(await run(bad, '-o', path.join(dir, 'out.xlsx'))).toBe(2);
    expect(err.join('')).toContain('无法读取');
    expect(await run(`${SAMPLES}/dropout_ledger.xlsx`, '-o', path.join(dir, 'out.xlsx'))).toBe(2);
    expect(err.join('')).toContain('没有可以填写的汇总表');
    expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(false);
  });
});
