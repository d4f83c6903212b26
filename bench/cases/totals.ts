import type { BenchCase } from '../harness';
import { recognise } from '../../src/core/find/recognise';
import { planTotals } from '../../src/core/totals/fill';
import { addSection, timeUnder } from '../report';
import { wafangdianSheet } from '../generate';

/** Filling 附件5 from a 100,000-row 附件4 in the core: find the table, count, lay out the new sheet. */
export const totalsCases: BenchCase[] = [
  {
    id: 'core-fill-fj5-100000',
    title: 'core fill, 002 附件5 from a 100,000-row 附件4',
    rows: 100_000,
    prepare: () => ({ sheets: [wafangdianSheet(100_000)] }),
    run: (grid) => {
      const plan = planTotals(recognise(grid as never), ['附件4']);
      return { uncounted: plan[0]?.computed.uncounted.length ?? 0 };
    },
  },
];

addSection({
  title: '3. Totals',
  about:
    'Filling 附件5 (疑似失学儿童汇总表) from a 100,000-row 附件4 in the core: recognise the table in the grid, count ' +
    'the rows into the totals and lay out the new sheet (planTotals). No file is read or written.',
  targets: [timeUnder('core-fill-fj5-100000', 1000, 'under 1 s')],
});
