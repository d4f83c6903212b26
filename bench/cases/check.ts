import type { BenchCase } from '../harness';
import { checkWorkbook } from '../../src/core/check';
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
