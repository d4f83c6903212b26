import type { CellValue } from '../../../src/core/model/cell';
import type { ColumnKey } from '../../../src/core/tables/schema';
import type { Issue } from '../../../src/core/rules/types';
import { duplicateRules } from '../../../src/core/rules/duplicate';
import { contextOf, rowOf, syntheticId } from './rowFixture';
import { viewList } from '../../../src/core/find/rowView';

/** The rules and params the duplicate rule finds over rows of the given cells (each its own RowView). */
function duplicates(rows: Partial<Record<ColumnKey, CellValue>>[]): Pick<Issue, 'rule' | 'params'>[] {
  const found = (fed: boolean) => {
    const views = rows.map((cells) => rowOf(cells));
    const ctx = contextOf('jiangxi-form', views[0]!);
    const out: Issue[] = [];
    // Fed: each row handed over first, as the check's row loop does (TableRule.row).
    if (fed) views.forEach((v, i) => { for (const rule of duplicateRules.table) rule.row?.(v, ctx, i); });
    for (const rule of duplicateRules.table) rule.check(viewList(views), ctx, (i) => out.push(i));
    return out.map(({ rule, params }) => ({ rule, params }));
  };
  const unfed = found(false);
  expect(found(true)).toEqual(unfed);
  return unfed;
}

const id = syntheticId('2012-05-06', true);
const idX = '11010519491231002X';

describe('duplicate.idcard: the same child by 身份证号, however it is written', () => {
  test('a plain number seen twice', () => {
    expect(duplicates([{ idcard: id }, { idcard: syntheticId('2012-05-07', true) }, { idcard: id }])).toEqual([{ rule: 'duplicate.idcard', params: { row: 5 } }]);
  });

  test('lowercase x, full-width characters and spaces are the same number as the plain one', () => {
    const wide = idX.replace(/[\dX]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const other of ['11010519491231002x', wide, ` ${idX} `, `'${idX}`]) {
      expect(duplicates([{ idcard: idX }, { idcard: other }]).map((i) => i.rule)).toEqual(['duplicate.idcard']);
      expect(duplicates([{ idcard: other }, { idcard: idX }]).map((i) => i.rule)).toEqual(['duplicate.idcard']);
    }
  });

  test('numbers, blanks and other text are not compared', () => {
    expect(duplicates([{ idcard: 110105194912310000 }, { idcard: 110105194912310000 }])).toEqual([]);
    expect(duplicates([{ idcard: '不详' }, { idcard: '不详' }])).toEqual([]);
    expect(duplicates([{ idcard: null }, { idcard: ' ' }])).toEqual([]);
  });
});

describe('duplicate.name-birth: the same 姓名 and 出生日期 where there is no number', () => {
  test('two rows without a number', () => {
    const child = { name: '王 静', birthDate: '2012-05-06' };
    expect(duplicates([{ ...child, idcard: null }, { name: '王静', birthDate: '2012-05-06', idcard: '' }])).toEqual([
      { rule: 'duplicate.name-birth', params: { row: 5 } },
    ]);
    expect(duplicates([child, { name: '王静', birthDate: '2012-05-06' }]).map((i) => i.rule)).toEqual(['duplicate.name-birth']);
  });

  test('not when a row has a number, nor without both cells', () => {
    expect(duplicates([{ name: '王静', birthDate: '2012-05-06', idcard: '不详' }, { name: '王静', birthDate: '2012-05-06', idcard: '不详' }])).toEqual([]);
    expect(duplicates([{ name: '王静', idcard: null }, { name: '王静', idcard: null }])).toEqual([]);
    expect(duplicates([{ name: '王静', birthDate: null }, { name: '王静', birthDate: null }])).toEqual([]);
  });
});
