import type { WorkbookHost } from '../../../src/host/types';
import type { CellSpec } from '../../../src/io/xlsx/spec';
import type { WorkbookGrid } from '../../../src/core/model/workbook';
import { checkWorkbook } from '../../../src/core/check';
import { intendedItem } from '../../../src/core/rules/listItem';
import { CHECK_RESULTS, RETURN_STATUS } from '../../../src/core/tables/lists';
import { repairPlan } from '../../../src/pane/repairPlan';
import { repairDropdowns } from '../../../src/pane/actions';
import { workbook } from '../../helpers/grid';
import { wafangdianRow, wafangdianSheet } from './fixtures';

const REF = { referenceDate: '2019-03-01' };

describe('intendedItem: the list item a misspelt value plainly means (002 附件2/附件3)', () => {
  test.each([
    ['K、打工务农', 'K.打工务农'],
    ['K打工务农', 'K.打工务农'],
    ['k. 打工务农', 'K.打工务农'],
    ['K', 'K.打工务农'],
    ['打工务农', 'K.打工务农'],
    ['A.户籍原因（含查无此人、户籍重复、死亡、迁出注销等情形）', 'A.户籍原因'],
    ['B.在校有学籍（2018年5月比对时间节点后新入学或新注册学籍）', 'B.在校有学籍'],
    ['E、延缓入学(含因身体等原因延缓入学)', 'E.延缓入学'],
  ])('%s → %s', (value, item) => {
    expect(intendedItem(value, CHECK_RESULTS)).toBe(item);
  });
  test.each(['K.在家上学', '打工', 'N.其他', 'KL', ''])('%s means no item for sure', (value) => {
    expect(intendedItem(value, CHECK_RESULTS)).toBeNull();
  });
  test('unlettered lists: a note in brackets is dropped', () => {
    expect(intendedItem('是（已复学）', RETURN_STATUS)).toBe('是');
    expect(intendedItem('已复学', RETURN_STATUS)).toBeNull();
  });
});

describe('category.misspelt names the item and carries it as the suggested value', () => {
  const grid = (): WorkbookGrid =>
    workbook(wafangdianSheet([wafangdianRow(1, { checkResult: 'K、打工务农' }), wafangdianRow(2, { checkResult: 'A.户籍原因（含查无此人、户籍重复、死亡、迁出注销等情形）', returnStatus: '无' }), wafangdianRow(3)]));

  it('is an error at the cell, "应选 K.打工务农", with suggested set', () => {
    const f = checkWorkbook(grid(), REF).findings;
    expect(f.map((x) => [x.rule, x.cell, x.severity, x.suggested])).toEqual([
      ['category.misspelt', 'I3', 'error', 'K.打工务农'],
      ['category.misspelt', 'I4', 'error', 'A.户籍原因'],
    ]);
    expect(f[0]!.message).toContain('应选 K.打工务农');
  });
  it('the right item is silent, and 复学情况 is still judged by the item meant', () => {
    const rows = [wafangdianRow(1, { checkResult: 'K、打工务农', returnStatus: '无' })];
    const rules = checkWorkbook(workbook(wafangdianSheet(rows)), REF).findings.map((x) => x.rule);
    expect(rules).toEqual(['category.misspelt', 'return-status.should-be-yes-no']);
  });
  it('修复下拉菜单 sets the cells to the item they mean, and nothing else', async () => {
    const g = grid();
    expect(repairPlan(g)[0]!.values).toEqual([
      { row: 2, col: 8, value: 'K.打工务农' },
      { row: 3, col: 8, value: 'A.户籍原因' },
    ]);
    const written: { sheet: string; cells: readonly CellSpec[] }[] = [];
    const host = {
      readWorkbook: async () => g,
      repairValidations: async () => undefined,
      writeCells: async (sheet: string, cells: readonly CellSpec[]) => {
        written.push({ sheet, cells });
        for (const c of cells) g.sheets.find((s) => s.name === sheet)!.rows[c.row]![c.col] = c.value;
      },
    } as unknown as WorkbookHost;
    expect(await repairDropdowns(host)).toEqual([{ sheet: '附件4', ranges: ['F3:F5', 'I3:I5', 'J3:J5', 'I3', 'I4'] }]);
    expect(written.map((w) => [w.sheet, w.cells.length])).toEqual([['附件4', 2]]);
    expect(checkWorkbook(g, REF).findings).toEqual([]);
  });
});
