import type { BenchCase } from '../harness';
import { findCopies, type CopyRecord } from '../../src/core/persuasion/copies';
import { parseRecord } from '../../src/core/persuasion/parse';
import { addSection, extra, timeUnder } from '../report';
import { distinctRecord, rng } from '../generate';

const RECORDS = 10_000;
const REF = '2026-11-01';
/** Every COPY_EVERY-th record copies an earlier child's (dates, people and name changed). */
const COPY_EVERY = 97;
/** Every NEAR_EVERY-th record is an earlier one with one word edited as well. */
const NEAR_EVERY = 211;

/** Copies planted among the records (record 0 is never a copy). */
const PLANTED = Math.floor((RECORDS - 1) / COPY_EVERY) + Math.floor((RECORDS - 1) / NEAR_EVERY) - Math.floor((RECORDS - 1) / (COPY_EVERY * NEAR_EVERY));

const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';

/**
 * 10,000 records as persuasion.copied sees them: each written for its child (so the near-copy
 * search, not just the exact-text grouping, has work to do), with copies planted at fixed steps.
 */
function copyRecords(): CopyRecord[] {
  const r = rng(4);
  const texts: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const from = texts[Math.floor(r() * texts.length)];
    if (i > 0 && i % NEAR_EVERY === 0) texts.push(from!.replace(/(\d+)日/, (_, d) => `${(Number(d) % 27) + 1}日`).replace('，', '；后来'));
    else if (i > 0 && i % COPY_EVERY === 0) texts.push(from!.replace(/(\d+)日/g, (_, d) => `${(Number(d) % 27) + 1}日`).replace(/王老师/g, '李老师'));
    else texts.push(distinctRecord(r));
  }
  return texts.map((text, i) => ({
    text,
    name: NAMES[i % NAMES.length]! + NAMES[(i * 7) % NAMES.length]!,
    attempts: parseRecord(text, { referenceDate: REF }),
  }));
}

/** Case 4: persuasion.copied's search (findCopies) over 10,000 records, parsed beforehand. */
export const copyCases: BenchCase[] = [
  {
    id: 'core-copies-10000',
    title: 'copy detection (findCopies), 10,000 劝返 records',
    rows: RECORDS,
    prepare: copyRecords,
    run: (records) => {
      const groups = findCopies(records as CopyRecord[]);
      const inGroups = groups.reduce((n, g) => n + g.length, 0);
      // A group of k copies of one record holds k + 1 records.
      return { groups: groups.length, copiesFound: inGroups - groups.length, planted: PLANTED };
    },
  },
];

addSection({
  title: '4. Copy detection',
  about:
    'findCopies, the search behind persuasion.copied, over 10,000 劝返过程记录 already parsed into attempts (parsing ' +
    'is timed in case 1). Each record is written for its child from varied pieces, so few sentences recur and the ' +
    'near-copy search (MinHash with banded LSH, then a banded edit distance) has real work; ' +
    `${PLANTED} copies are planted: one record in ${COPY_EVERY} copies an earlier child's with dates and people changed, ` +
    `one in ${NEAR_EVERY} with a word added as well. copiesFound counts records found to copy another.`,
  targets: [
    timeUnder('core-copies-10000', 1000, 'under 1 s'),
    extra('core-copies-10000', 'copiesFound', `all ${PLANTED} planted copies found, and no others`, (v) => String(v), (v) => v === PLANTED),
  ],
});
