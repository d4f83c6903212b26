import path from 'node:path';
import { readWorkbookFile } from '../../../src/io/readFile';
import { checkWorkbook } from '../../../src/core/check';
import { recognise } from '../../../src/core/find/recognise';
import { planTotals } from '../../../src/core/totals/fill';

const SAMPLES = path.join(__dirname, '../../../../shared/samples');
const totalsOf = async (file: string) =>
  checkWorkbook(await readWorkbookFile(`${SAMPLES}/${file}`), { referenceDate: '2019-03-01' }).findings.filter((f) => f.rule.startsWith('totals.'));

describe('totals of the sample workbooks', () => {
  it('reports the two wrong totals of wafangdian_submitted.xlsx, and only those', async () => {
    const fs = await totalsOf('wafangdian_submitted.xlsx');
    expect(fs.filter((f) => f.severity === 'error').map((f) => [f.sheet, f.cell, f.rule])).toEqual([
      ['附件5', 'N4', 'totals.mismatch'],
      ['附件5', 'Q5', 'totals.mismatch'],
    ]);
    expect(fs.find((f) => f.cell === 'N4')!.message).toContain('应为 10，按附件4的明细行计算');
    expect(fs.find((f) => f.cell === 'Q5')!.message).toContain('应为 30');
  });

  it('says the 3 rows of 附件4 that no figure counts', async () => {
    const note = (await totalsOf('wafangdian_submitted.xlsx')).find((f) => f.rule === 'totals.uncounted');
    expect(note?.message).toMatch(/^附件4有 3 行未计入汇总/);
  });

  it('gives the untouched 附件5 of wafangdian.xlsx one warning', async () => {
    const fs = await totalsOf('wafangdian.xlsx');
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([
      ['totals.unfilled', 'warning'],
      ['totals.uncounted', 'warning'],
    ]);
  });

  it('fills the 附件5 of wafangdian.xlsx with the key’s figures', async () => {
    const grid = await readWorkbookFile(`${SAMPLES}/wafangdian.xlsx`);
    const [fill] = planTotals(recognise(grid), grid.sheets.map((s) => s.name));
    if (fill?.write.kind !== 'cells') throw new Error('expected cells');
    const row4 = fill.write.cells.filter((c) => c.row === 3).sort((a, b) => a.col - b.col).map((c) => c.value);
    const row5 = fill.write.cells.filter((c) => c.row === 4).sort((a, b) => a.col - b.col).map((c) => c.value);
    // 合计, A–M, 复学人数
    const key = [147, 14, 11, 10, 8, 8, 9, 19, 9, 10, 11, 10, 16, 12, 30];
    expect(row4).toEqual(key);
    expect(row5).toEqual(key);
  });
});
