import type { CellSpec } from '../../../src/io/xlsx/spec';
import { computeTotals } from '../../../src/core/totals/compute';
import { fillExisting, planTotals } from '../../../src/core/totals/fill';
import { recognise } from '../../../src/core/find/recognise';
import { tableById } from '../../../src/core/tables';
import type { TotalsDef } from '../../../src/core/tables/schema';
import { formatRange } from '../../../src/core/model/address';
import { workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from '../rules/fixtures';
import { bound, figuresRow, totalsSheet } from './fixtures';

const def = tableById('wafangdian-totals') as TotalsDef;
const blank = (city: string | null, county: string | null) => figuresRow(city, county, null, new Array(13).fill(null), null);
const at = (cells: CellSpec[], a1row: number, col: number) => cells.find((c) => c.row === a1row - 1 && c.col === col)?.value;

const details = [
  wafangdianRow(1, { checkResult: 'K.打工务农', returnStatus: '是' }),
  wafangdianRow(2, { checkResult: 'A.户籍原因', returnStatus: '无' }),
  wafangdianRow(3, { county: '普兰店区', checkResult: 'M.其他原因', returnStatus: '否' }),
];

describe('filling an existing 附件5', () => {
  it('writes each 地市/区县 row and the 总计 row, in the figure cells only', () => {
    const grid = workbook(wafangdianSheet(details.slice(0, 2)), totalsSheet([blank('大连市', '瓦房店市'), blank('总计', null)]));
    const { ledger, totals } = bound(grid);
    const out = fillExisting(totals!, computeTotals(ledger, def));
    if (!('cells' in out)) throw new Error('expected cells');
    expect(at(out.cells, 4, 2)).toBe(2); // C4 合计
    expect(at(out.cells, 4, 3)).toBe(1); // D4 A类
    expect(at(out.cells, 4, 13)).toBe(1); // N4 K类
    expect(at(out.cells, 4, 16)).toBe(1); // Q4 复学人数
    expect(at(out.cells, 5, 2)).toBe(2); // C5 总计
    expect(out.cells.every((c) => c.col >= 2 && c.col <= 16 && (c.row === 3 || c.row === 4))).toBe(true);
    expect(out.cells).toHaveLength(2 * 15);
  });

  it('puts a 区县 the table lacks into an empty row above 总计, with its labels', () => {
    const grid = workbook(wafangdianSheet(details), totalsSheet([blank('大连市', '瓦房店市'), blank(null, null), blank('总计', null)]));
    const { ledger, totals } = bound(grid);
    const out = fillExisting(totals!, computeTotals(ledger, def));
    if (!('cells' in out)) throw new Error('expected cells');
    expect(at(out.cells, 5, 0)).toBe('大连市');
    expect(at(out.cells, 5, 1)).toBe('普兰店区');
    expect(at(out.cells, 5, 15)).toBe(1); // P5 M类
    expect(at(out.cells, 6, 2)).toBe(3); // C6 总计 合计
  });

  it('matches a row that gives only the 区县', () => {
    const grid = workbook(wafangdianSheet(details), totalsSheet([blank(null, '普兰店区'), blank('大连市', '瓦房店市'), blank('总计', null)]));
    const { ledger, totals } = bound(grid);
    const out = fillExisting(totals!, computeTotals(ledger, def));
    if (!('cells' in out)) throw new Error('expected cells');
    expect(at(out.cells, 4, 2)).toBe(1);
    expect(at(out.cells, 5, 2)).toBe(2);
  });

  it('writes zeros for a 区县 without detail rows', () => {
    const grid = workbook(wafangdianSheet(details.slice(0, 2)), totalsSheet([blank('大连市', '瓦房店市'), blank('大连市', '庄河市'), blank('总计', null)]));
    const { ledger, totals } = bound(grid);
    const out = fillExisting(totals!, computeTotals(ledger, def));
    if (!('cells' in out)) throw new Error('expected cells');
    expect(at(out.cells, 5, 2)).toBe(0);
    expect(at(out.cells, 6, 2)).toBe(2);
  });

  it('says how many rows are missing when the table has no room, and writes a new sheet instead', () => {
    const grid = workbook(wafangdianSheet(details), totalsSheet([blank('大连市', '瓦房店市'), blank('总计', null)]));
    const { ledger, totals } = bound(grid);
    expect(fillExisting(totals!, computeTotals(ledger, def))).toEqual({ missingRows: 1 });
    const plan = planTotals(recognise(grid), grid.sheets.map((s) => s.name));
    expect(plan).toHaveLength(1);
    const w = plan[0]!.write;
    expect(w.kind === 'sheet' && [w.newSheet.name, w.missingRows, w.beside]).toEqual(['附件5(按明细)', 1, '附件5']);
  });
});

describe('a new 附件5 sheet when the workbook has none', () => {
  const grid = workbook(wafangdianSheet([...details, wafangdianRow(4, { checkResult: '打工' })]));
  const plan = planTotals(recognise(grid), ['附件4']);
  const w = plan[0]!.write;
  if (w.kind !== 'sheet') throw new Error('expected a sheet');
  const sheet = w.newSheet;
  const value = (a1row: number, col: number) => sheet.cells.find((c) => c.row === a1row - 1 && c.col === col)?.value;

  it('is named after the attachment and titled with the locality of the details', () => {
    expect(sheet.name).toBe('附件5');
    expect(value(1, 0)).toBe('瓦房店市疑似失学儿童核查劝返总体情况汇总表');
  });

  it('has the official two-row header with its merged group cells', () => {
    const merges = (sheet.merges ?? []).map(formatRange);
    expect(merges).toEqual(expect.arrayContaining(['A1:Q1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:K2', 'L2:P2', 'Q2:Q3']));
    expect([value(2, 0), value(2, 2), value(2, 3), value(3, 3), value(2, 11), value(3, 15), value(2, 16)]).toEqual([
      '地市', '疑似失学儿童合计', '核减项', 'A类', '应劝返项', 'M类', '复学人数',
    ]);
  });

  it('has one body row per 区县, the 总计 row and the note, the invalid row not counted', () => {
    expect([value(4, 1), value(4, 2), value(4, 13), value(4, 16)]).toEqual(['瓦房店市', 2, 1, 1]);
    expect([value(5, 1), value(5, 2), value(5, 15)]).toEqual(['普兰店区', 1, 1]);
    expect([value(6, 0), value(6, 2)]).toEqual(['总计', 3]);
    expect(String(value(7, 0))).toMatch(/^备注：/);
  });
});
