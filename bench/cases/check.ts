import type { BenchCase } from '../harness';
import { checkWorkbook } from '../../src/core/check';
import { addSection, ratio, type Target } from '../report';
import { dropoutSheet, wafangdianSheet } from '../generate';

const REF = { referenceDate: '2026-11-01' };

/** Case 1: the core check at 10k, 100k and 1M rows, to show it grows linearly. */
export const checkCases: BenchCase[] = [10_000, 100_000, 1_000_000].flatMap((n) => [
  {
    id: `core-check-fj4-${n}`,
    title: `core check, 002 附件4, ${n.toLocaleString('en-US')} rows`,
    rows: n,
    prepare: () => ({ sheets: [wafangdianSheet(n)] }),
    run: (grid) => {
      const r = checkWorkbook(grid as never, REF);
      return { findings: r.findings.length };
    },
  },
  {
    id: `core-check-fj1-${n}`,
    title: `core check, 000 附件1 with 劝返 records, ${n.toLocaleString('en-US')} rows`,
    rows: n,
    prepare: () => ({ sheets: [dropoutSheet(n)] }),
    run: (grid) => {
      const r = checkWorkbook(grid as never, REF);
      return { findings: r.findings.length };
    },
  },
]);

/** The case's peak resident memory (the grid in memory included) at most `mb`. */
const peakUnder = (id: string, mb: number, goal: string): Target => ({
  goal,
  figure: (b) => b.get(id)?.peakRssMb,
  show: (v) => `${v.toFixed(0)} MB`,
  met: (v) => v <= mb,
});

addSection({
  title: '1. Core check',
  about:
    'checkWorkbook on a grid already in memory (no file is read): a generated 002 附件4 (疑似失学儿童个体情况汇总表) ' +
    'and a 000 附件1 (失学辍学儿童少年统计表) whose every row has a 劝返过程记录 of 2–6 dated attempts, at 10,000, ' +
    '100,000 and 1,000,000 rows. Faults are planted at fixed steps (a wrong check digit every 997th row, an off-list ' +
    '核查结果 every 1013th; in 附件1 a child listed twice every 1009th, every other 身份证号 its own, so that the ' +
    'duplicates grow with the rows, not with the chance of drawing a number twice) so the rules have findings to ' +
    'build. The growth must be linear: ten times the rows, about ' +
    'ten times the time.',
  targets: [
    ratio('core-check-fj4-1000000', 'core-check-fj4-100000', 'linear, 附件4: 1M rows ÷ 100k rows ≤ 12.5× (10× is linear)', (v) => v <= 12.5),
    ratio('core-check-fj1-1000000', 'core-check-fj1-100000', 'linear, 附件1: 1M rows ÷ 100k rows ≤ 11× (10× is linear)', (v) => v <= 11),
    peakUnder('core-check-fj1-1000000', 1536, '附件1, 1M rows: peak memory ≤ 1.5 GB (the grid itself included)'),
  ],
});
