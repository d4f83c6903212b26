import '../jestShim';
import type { BenchCase } from '../harness';
import { FakeBook } from '../../test/excel/fakeExcel';
import { ExcelHost } from '../../src/excel/host';
import { checkWorkbook } from '../../src/core/check';
import { addSection, extra, type ById } from '../report';
import { wafangdianSheet } from '../generate';

const MB = 1024 * 1024;

/** Column of 性别 in wafangdianSheet. */
const SEX = 5;

/** A 附件4 of `n` rows in the fake Excel; with `everyRow`, each row's 性别 is blank (a finding per row). */
function book(n: number, everyRow: boolean): FakeBook {
  const b = new FakeBook();
  const sheet = wafangdianSheet(n);
  const rows = sheet.rows.map((row, r) => row.map((v, c) => (v === null || typeof v === 'object' || (everyRow && c === SEX && r >= 2 && r < n + 2) ? '' : v)));
  b.addSheet(sheet.name, rows);
  return b;
}

/**
 * Case 6: the pane's round trips inside Excel: read the workbook, check it, mark the findings,
 * against office-addin-mock with the 5 MB limits of Excel on the web. The time includes the
 * fake's own bookkeeping; the figures to read are the syncs and the biggest payload.
 */
export const excelCases: BenchCase[] = [10_000, 100_000].flatMap((n) =>
  [false, true].map((everyRow) => ({
    id: `excel-check-mark-${n}${everyRow ? '-every-row' : ''}`,
    title: `inside Excel (fake): read + check + mark, 002 附件4, ${n.toLocaleString('en-US')} rows, ${everyRow ? 'a finding on every row' : 'few findings'}`,
    rows: n,
    prepare: () => book(n, everyRow),
    run: async (input) => {
      const b = input as FakeBook;
      const host = new ExcelHost(b.env());
      const grid = await host.readWorkbook();
      const readSyncs = b.syncs.length;
      const report = checkWorkbook(grid, { referenceDate: '2026-11-01' });
      const marked = await host.markFindings(report.findings);
      // A refused sync (over 5 MB) carried nothing: Excel answered with an error and the host split the work.
      const accepted = b.syncs.filter((s) => !s.failed);
      return {
        syncs: b.syncs.length,
        readSyncs,
        markSyncs: b.syncs.length - readSyncs,
        refused: b.syncs.length - accepted.length,
        maxPayloadMb: Math.max(...accepted.map((s) => Math.max(s.request, s.response))) / MB,
        findings: report.findings.length,
        markedCells: marked.cells,
      };
    },
  })),
);

const sameAs = (id: string, key: string) => (v: number, byId: ById) => byId.get(id)?.extra[key] === v;
const syncCount = (v: number) => `${v} syncs`;

addSection({
  title: '6. Inside Excel',
  about:
    'The pane inside Excel, against test/excel/fakeExcel.ts: office-addin-mock proxies with the 5 MB request and ' +
    'response limits of Excel on the web, counting context.sync calls and the JSON bytes each one carries. ExcelHost ' +
    'reads the workbook, checkWorkbook checks it, ExcelHost marks the findings (conditional formats and notes), on a ' +
    '002 附件4 of 10,000 and 100,000 rows, with few findings and with one on every row (a blank 性别). Figures: ' +
    'syncs in all, readSyncs and markSyncs, refused (syncs Excel answers with a payload-size error, after which the ' +
    'host reads in blocks) and maxPayloadMb, the biggest accepted request or response. Reading is bound by the 5 MB ' +
    'limit: a sheet too big for one answer comes in blocks, so its syncs grow with the sheet. The time includes the ' +
    "fake's own bookkeeping: read the counts, not the milliseconds.",
  targets: [
    extra('excel-check-mark-100000-every-row', 'markSyncs', 'marking: as many syncs at 100,000 rows as at 10,000 (a finding on every row)', syncCount, sameAs('excel-check-mark-10000-every-row', 'markSyncs')),
    extra('excel-check-mark-100000', 'readSyncs', 'reading: as many syncs at 100,000 rows as at 10,000', syncCount, sameAs('excel-check-mark-10000', 'readSyncs')),
    {
      goal: 'every accepted sync under 5 MB',
      figure: (b) => {
        const mb = excelCases.map((c) => b.get(c.id)?.extra.maxPayloadMb).filter((v): v is number => v !== undefined);
        return mb.length ? Math.max(...mb) : undefined;
      },
      show: (v) => `${v.toFixed(2)} MB`,
      met: (v) => v < 5,
    },
  ],
});
