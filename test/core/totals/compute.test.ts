import { computeTotals } from '../../../src/core/totals/compute';
import { tableById } from '../../../src/core/tables';
import type { TotalsDef } from '../../../src/core/tables/schema';
import { sheet, workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from '../rules/fixtures';
import { bound } from './fixtures';

const def = tableById('wafangdian-totals') as TotalsDef;
const idx = (id: string) => def.measures.findIndex((m) => m.id === id);

describe('computing 附件5 from 附件4', () => {
  const rows = [
    wafangdianRow(1, { checkResult: 'K.打工务农', returnStatus: '是' }),
    wafangdianRow(2, { county: '普兰店区', checkResult: 'A.户籍原因', returnStatus: '无' }),
    wafangdianRow(3, { checkResult: 'K．打工务农', returnStatus: '否' }), // full-width dot: the same item
    wafangdianRow(4, { checkResult: ' I.因病因残 ', returnStatus: '是' }),
    wafangdianRow(5, { county: '普兰店区', checkResult: 'A.户籍原因', returnStatus: '无' }),
  ];
  const c = computeTotals(bound(workbook(wafangdianSheet(rows))).ledger, def);

  it('makes one group per 地市/区县, in the order they first appear', () => {
    expect(c.groups.map((g) => g.labels)).toEqual([
      ['大连市', '瓦房店市'],
      ['大连市', '普兰店区'],
    ]);
  });

  it('counts every category, 复学人数 (复学情况 = 是) and 合计, per group and in total', () => {
    const [wfd, pld] = c.groups;
    expect(wfd!.counts[idx('all')]).toBe(3);
    expect(wfd!.counts[idx('K')]).toBe(2);
    expect(wfd!.counts[idx('I')]).toBe(1);
    expect(wfd!.counts[idx('ret')]).toBe(2);
    expect(pld!.counts[idx('A')]).toBe(2);
    expect(pld!.counts[idx('ret')]).toBe(0);
    expect(c.total.counts[idx('all')]).toBe(5);
    expect(c.total.counts[idx('K')]).toBe(2);
    expect(c.total.counts[idx('B')]).toBe(0);
  });

  it('keeps the detail rows behind each figure', () => {
    // Excel rows 3…7 are grid rows 2…6
    expect(c.groups[0]!.rows[idx('K')]).toEqual([2, 4]);
    expect(c.groups[1]!.rows[idx('all')]).toEqual([3, 6]);
    expect(c.total.rows[idx('ret')]).toEqual([2, 5]);
  });

  it('leaves out rows whose 核查结果 is empty or not a dropdown item, and says which and why', () => {
    const withFaults = [
      wafangdianRow(1, { checkResult: 'K.打工务农' }),
      wafangdianRow(2, { checkResult: 'K打工务农', returnStatus: '是' }),
      wafangdianRow(3, { checkResult: null, returnStatus: '是' }),
      wafangdianRow(4, { checkResult: '打工' }),
      wafangdianRow(5, { city: null, county: '  ', checkResult: 'B.在校有学籍', returnStatus: '无' }),
    ];
    const f = computeTotals(bound(workbook(wafangdianSheet(withFaults))).ledger, def);
    expect(f.total.counts[idx('all')]).toBe(1);
    expect(f.total.counts[idx('K')]).toBe(1);
    expect(f.total.counts[idx('ret')]).toBe(1); // the 是 on the rows left out does not count
    expect(f.uncounted.map((u) => [u.cell, u.reason])).toEqual([
      ['I4', 'invalid'],
      ['I5', 'empty'],
      ['I6', 'invalid'],
      ['C7', 'no-group'],
    ]);
  });

  it('marks the figures a detail sheet without the column cannot give', () => {
    const header = ['原始序号', '省份', '地市', '区县', '姓名', '性别', '身份证', '户籍地', '核查结果', '备注'];
    const row = wafangdianRow(1).filter((_, i) => i !== 9);
    const f = computeTotals(bound(workbook(sheet('附件4', [header, row]))).ledger, def);
    expect([...f.unavailable]).toEqual(['ret']);
    expect(f.total.counts[idx('K')]).toBe(1);
  });
});
