import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readWorkbook } from '../../../src/io/xlsx/read/readWorkbook';
import { checkWorkbook } from '../../../src/core/check';
import type { Finding } from '../../../src/core/model/finding';

/** The planted faults of ../shared/samples that belong to the idcard, age and date families. */
const SAMPLES = resolve(__dirname, '../../../../shared/samples');
const MINE = /^(idcard|age|date)\./;

interface Expect { sheet: string; row: number; rule: string }
interface Key { expect: Expect[]; clean: Record<string, number[]> }
const key: Record<string, Key> = JSON.parse(readFileSync(resolve(SAMPLES, 'key.json'), 'utf8'));

const isMine = (e: Expect) => e.rule.split('|').some((r) => MINE.test(r));
const withPlanted = Object.keys(key).filter((f) => key[f]!.expect.some(isMine));
const withClean = Object.keys(key).filter((f) => Object.values(key[f]!.clean).some((rows) => rows.length > 0));

function findingsOf(file: string): Finding[] {
  const grid = readWorkbook(new Uint8Array(readFileSync(resolve(SAMPLES, file))));
  // The samples were filled in March 2026 (ganxian.xlsx: 时间：2026年3月18日).
  return checkWorkbook(grid, { referenceDate: '2026-03-18' }).findings.filter((f) => MINE.test(f.rule));
}

test.each(withPlanted)('%s: every planted 身份证 / age / date fault is found on its row', (file) => {
  const findings = findingsOf(file);
  const missed = key[file]!.expect.filter(isMine).filter(
    (e) => !findings.some((f) => f.sheet === e.sheet && f.row === e.row && e.rule.split('|').some((r) => f.rule.startsWith(r))),
  );
  expect(missed).toEqual([]);
});

test.each(withClean)('%s: no idcard / age / date error on a row the key calls clean', (file) => {
  const clean = key[file]!.clean;
  const alarms = findingsOf(file).filter((f) => f.severity === 'error' && (clean[f.sheet] ?? []).includes(f.row));
  expect(alarms.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([]);
});
