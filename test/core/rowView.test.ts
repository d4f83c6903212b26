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
