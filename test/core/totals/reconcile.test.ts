import type { CellValue } from '../../../src/core/model/cell';
import { checkWorkbook } from '../../../src/core/check';
import { computeTotals } from '../../../src/core/totals/compute';
import { traceCell } from '../../../src/core/totals/reconcile';
import { tableById } from '../../../src/core/tables';
import type { TotalsDef } from '../../../src/core/tables/schema';
import { workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from '../rules/fixtures';
import { bound, figuresRow, totalsSheet } from './fixtures';

const def = tableById('wafangdian-totals') as TotalsDef;

/** Two K类 (one returned) and one A类 in 瓦房店市. */
const details = [
  wafangdianRow(1, { checkResult: 'K.打工务农', returnStatus: '是' }),
  wafangdianRow(2, { checkResult: 'K.打工务农', returnStatus: '否' }),
  wafangdianRow(3, { checkResult: 'A.户籍原因', returnStatus: '无' }),
];
/** A–M with A = a and K = k. */
const letters = (a: number | null, k: number | null) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map((l) => (l === 'A' ? a : l === 'K' ? k : l === 'B' ? null : 0));
const row = (county: string, all: CellValue, a: number | null, k: number | null, ret: CellValue) => {
  const r = figuresRow('大连市', county, null, letters(a, k), null);
  r[2] = all;
  r[16] = ret;
  return r;
};
const totalRow = (all: CellValue, a: number | null, k: number | null, ret: CellValue) => {
  const r = row('', all, a, k, ret);
  r[0] = '总计';
  r[1] = null;
  return r;
};
const totalsFindings = (body: CellValue[][], detail = details) =>
  checkWorkbook(workbook(wafangdianSheet(detail), totalsSheet(body)), { referenceDate: '2019-03-01' }).findings.filter((f) => f.rule.startsWith('totals.'));

describe('reconciling 附件5 with 附件4', () => {
  it('finds nothing when every figure is right (blank cells for zero included)', () => {
    expect(totalsFindings([row('瓦房店市', 3, 1, 2, 1), totalRow(3, 1, 2, '1')])).toEqual([]);
  });

  it('reports a wrong body cell with the right value, and not the 总计 that only adds it up', () => {
    const fs = totalsFindings([row('瓦房店市', 3, 1, 3, 1), totalRow(3, 1, 3, 1)]);
    expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([['N4', 'totals.mismatch', 'error']]);
    expect(fs[0]!.message).toContain('应为 2，按附件4的明细行计算');
    expect(fs[0]!.fix).toContain('总计行 N5 也随之改为 2');
    expect(fs[0]!.related).toEqual(['N5']);
  });

  it('reports a 总计 that disagrees with the rows above it', () => {
    const fs = totalsFindings([row('瓦房店市', 3, 1, 2, 1), totalRow(3, 1, 2, 2)]);
    expect(fs.map((f) => f.cell)).toEqual(['Q5']);
    expect(fs[0]!.message).toContain('应为 1');
  });

  it('reports text where a count belongs', () => {
    const fs = totalsFindings([row('瓦房店市', '三', 1, 2, 1), totalRow(3, 1, 2, 1)]);
    expect(fs.map((f) => [f.cell, f.rule])).toEqual([['C4', 'totals.mismatch']]);
  });

  it('gives one warning for an untouched template, not one per cell', () => {
    const empty = figuresRow('大连市', '瓦房店市', null, new Array(13).fill(null), null);
    const fs = totalsFindings([empty, ['总计', ...empty.slice(1)]]);
    expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([['C4', 'totals.unfilled', 'warning']]);
  });

  it('says which detail rows were not counted, and why', () => {
    const withFaults = [...details, wafangdianRow(4, { checkResult: '打工' }), wafangdianRow(5, { checkResult: null })];
    const fs = totalsFindings([row('瓦房店市', 3, 1, 2, 1), totalRow(3, 1, 2, 1)], withFaults);
    expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([['C5', 'totals.uncounted', 'warning']]);
    expect(fs[0]!.message).toBe('附件4有 2 行未计入汇总：第 6 行的核查结果不是下拉框中的类别；第 7 行的核查结果为空');
    expect(fs[0]!.related).toEqual(["'附件4'!I6", "'附件4'!I7"]);
  });

  it('reports a 区县 of the details that the table lacks', () => {
    const more = [...details, wafangdianRow(4, { county: '普兰店区', checkResult: 'K.打工务农', returnStatus: '是' })];
    const fs = totalsFindings([row('瓦房店市', 3, 1, 2, 1), totalRow(4, 1, 3, 2)], more);
    expect(fs.map((f) => [f.cell, f.rule])).toEqual([['A5', 'totals.missing-group']]);
    expect(fs[0]!.message).toContain('大连市/普兰店区');
  });

  it('traces a totals cell to the detail rows it counts', () => {
    const grid = workbook(wafangdianSheet(details), totalsSheet([row('瓦房店市', 3, 1, 2, 1), totalRow(3, 1, 2, 1)]));
    const { ledger, totals } = bound(grid);
    const c = computeTotals(ledger, def);
    expect(traceCell(totals!, c, 3, 13)).toEqual({ sheet: '附件4', rows: [3, 4] }); // N4 K类
    expect(traceCell(totals!, c, 4, 2)).toEqual({ sheet: '附件4', rows: [3, 4, 5] }); // C5 总计 合计
    expect(traceCell(totals!, c, 3, 0)).toBeNull();
  });
});

describe('a 附件5 without its 附件4', () => {
  const alone = (body: CellValue[][]) =>
    checkWorkbook(workbook(totalsSheet(body)), { referenceDate: '2019-03-01' }).findings.filter((f) => f.rule.startsWith('totals.'));

  it('checks 合计 against the sum of the categories', () => {
    const fs = alone([row('瓦房店市', 4, 1, 2, 1), totalRow(4, 1, 2, 1)]);
    expect(fs.map((f) => [f.cell, f.rule])).toEqual([['C4', 'totals.row-sum'], ['C5', 'totals.row-sum']]);
    expect(fs[0]!.message).toContain('本行各类人数之和为 3');
  });

  it('checks 总计 against the sum of the rows', () => {
    const fs = alone([row('瓦房店市', 3, 1, 2, 1), row('普兰店区', 1, 1, 0, 0), totalRow(3, 1, 2, 1)]);
    expect(fs.map((f) => [f.cell, f.rule])).toEqual([['C6', 'totals.column-sum'], ['D6', 'totals.column-sum']]);
  });

  // 002 附件3: only I–M may be 是, so 复学人数 ≤ I+J+K+L+M on every row.
  it('reports 复学人数 above I+J+K+L+M, on the row and on 总计', () => {
    const fs = alone([row('瓦房店市', 3, 1, 2, 3), totalRow(3, 1, 2, 3)]);
    expect(fs.map((f) => [f.cell, f.rule, f.severity])).toEqual([['Q4', 'totals.over-limit', 'error'], ['Q5', 'totals.over-limit', 'error']]);
    expect(fs[0]!.message).toContain('超过了 I类+J类+K类+L类+M类 之和 2');
  });
  it('复学人数 equal to I+J+K+L+M, or below it, is right', () => {
    expect(alone([row('瓦房店市', 3, 1, 2, 2), totalRow(3, 1, 2, 2)])).toEqual([]);
    expect(alone([row('瓦房店市', 3, 1, 2, 0), totalRow(3, 1, 2, null)])).toEqual([]);
  });
  it('A–H children are never counted as returned (复学人数 with only 核减项)', () => {
    const fs = alone([row('瓦房店市', 2, 2, 0, 1), totalRow(2, 2, 0, 1)]);
    expect(fs.map((f) => f.rule)).toEqual(['totals.over-limit', 'totals.over-limit']);
  });
});
