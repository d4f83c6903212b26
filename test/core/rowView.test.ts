import type { RowView } from '../../src/core/rules/types';
import { recognise } from '../../src/core/find/recognise';
import { SLOT } from '../../src/core/find/columnSlot';
import { COLUMN_KEYS } from '../../src/core/tables/schema';
import { parseRange } from '../../src/core/model/address';
import { workbook } from '../helpers/grid';
import { wafangdianRow, wafangdianSheet } from './rules/fixtures';

describe('reading a ledger row by slot (RowView.valueAt)', () => {
  const sheet = wafangdianSheet([wafangdianRow(1), wafangdianRow(2, { county: null, remark: null })]);
  // 区县 merged down both rows: the second row shows the first one's value.
  const t = recognise(workbook({ ...sheet, merges: [parseRange('D3:D4')!] })).tables[0]!;
  const views = t.kind === 'ledger' ? t.views : [];

  test('gives what get gives for every role, present, empty, merged or missing', () => {
    expect(views).toHaveLength(2);
    for (const v of views) for (const key of COLUMN_KEYS) expect(v.valueAt(SLOT[key])).toEqual(v.get(key));
    expect(views[1]!.valueAt(SLOT.county)).toBe('瓦房店市');
    expect(views[1]!.valueAt(SLOT.remark)).toBeNull();
    expect(views[0]!.valueAt(SLOT.birthDate)).toBeUndefined();
  });

  test('a slot that names no role reads as a missing column', () => {
    expect(views[0]!.valueAt(-1)).toBeUndefined();
    expect(views[0]!.valueAt(COLUMN_KEYS.length)).toBeUndefined();
  });
});

describe("a ledger's rows without an object per row (LedgerRowList)", () => {
  const rows = [wafangdianRow(1), wafangdianRow(2, { county: null, remark: null }), wafangdianRow(3, { name: '乙' })];
  const sheet = wafangdianSheet(rows);
  const t = recognise(workbook({ ...sheet, merges: [parseRange('D3:D4')!] })).tables[0]!;
  if (t.kind !== 'ledger') throw new Error('no ledger');
  const list = t.rows;
  const read = (v: RowView) => ({ row: v.row, section: v.section, cells: COLUMN_KEYS.map((k) => v.valueAt(SLOT[k])), at: v.cellOf('name') });

  test('a view made on asking reads what the kept views read, merges included', () => {
    expect(list.length).toBe(3);
    for (let i = 0; i < list.length; i++) expect(read(list.view(i)!)).toEqual(read(t.views[i]!));
    expect(list.view(1)!.valueAt(SLOT.county)).toBe('瓦房店市');
    expect(list.view(-1)).toBeUndefined();
    expect(list.view(3)).toBeUndefined();
  });

  test('one view moved from row to row reads each row as its own view does', () => {
    const cursor = list.cursor();
    for (let i = list.length - 1; i >= 0; i--) {
      expect(list.moveCursor(cursor, i)).toBe(cursor);
      expect(read(cursor)).toEqual(read(list.view(i)!));
    }
  });

  test('the kept views are made once', () => {
    expect(t.views).toBe(t.views);
    expect(list.view(2)).toBe(t.views[2]);
  });
});
