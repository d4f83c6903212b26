import fs from 'node:fs';
import path from 'node:path';
import { openPackage, readWorkbook } from '../../src/io/xlsx';
import { subtractSqref } from '../../src/io/xlsx/package/validations';
import { parseRange, type RangeRef } from '../../src/core/model/address';
import { partText } from './fixtures';
import { itWithOpenpyxl, openpyxlJson } from './python';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'samples');
const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));
const range = (ref: string) => parseRange(ref) as RangeRef;
const SEX = { sqref: 'F3:F152', list: ['男', '女'], error: { title: '输入有误', message: '只能选择' } };
const RESULT = { sqref: 'I3:I152', list: ['A.户籍原因', 'B.在校有学籍'] };

describe('subtractSqref', () => {
  it('cuts a range out of a column, leaving what lies above and below', () => {
    expect(subtractSqref('F1:F1048576', [range('F3:F152')])).toBe('F1:F2 F153:F1048576');
  });

  it('leaves left and right pieces when the cut is narrower', () => {
    expect(subtractSqref('A1:E5', [range('C2:C3')])).toBe('A1:E1 A4:E5 A2:B3 D2:E3');
  });

  it('drops a range covered entirely and keeps ranges elsewhere or unreadable', () => {
    expect(subtractSqref('J3:J152 K3 名称', [range('J1:J200')])).toBe('K3 名称');
  });
});

describe('XlsxPackage.setValidations', () => {
  it('replaces the classic validation on the repaired cells and keeps it on the others', () => {
    const pkg = openPackage(sample('wafangdian_x14.xlsx'));
    pkg.setValidations('附件4', [SEX]);
    const rules = readWorkbook(pkg.toBytes()).sheets.find((s) => s.name === '附件4')!.validations!;
    const sex = rules.filter((r) => r.listItems?.join(',') === '男,女').map((r) => r.sqref);
    expect(sex).toEqual(['F1:F2 F153:F1048576', 'F3:F152']);
    // Untouched columns keep their rules exactly.
    expect(rules.find((r) => r.sqref === 'J3:J152')?.listItems).toEqual(['是', '否', '无']);
    expect(rules.filter((r) => r.type === 'textLength')).toHaveLength(8);
  });

  it('narrows an x14 validation the repair covers, and removes the extension when nothing is left', () => {
    const pkg = openPackage(sample('wafangdian_x14.xlsx'));
    pkg.setValidations('附件4', [RESULT]);
    let rules = readWorkbook(pkg.toBytes()).sheets[0]!.validations!;
    expect(rules.filter((r) => r.x14).map((r) => [r.sqref, r.formula1])).toEqual([['I153:I154', '字典!$A$1:$A$13']]);
    pkg.setValidations('附件4', [{ sqref: 'I1:I200', list: ['是'] }]);
    const bytes = pkg.toBytes();
    rules = readWorkbook(bytes).sheets[0]!.validations!;
    expect(rules.filter((r) => r.x14)).toEqual([]);
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('extLst');
    expect(sheet).toMatch(/<pageMargins[^>]*\/><\/worksheet>$/);
  });

  it('adds a dataValidations element in schema order to a sheet that had none', () => {
    const pkg = openPackage(sample('wafangdian.xlsx'));
    pkg.setValidations('附件5', [{ sqref: 'A4', list: ['大连市'] }]);
    const xml = partText(pkg.toBytes(), 'xl/worksheets/sheet2.xml');
    expect(xml.indexOf('<dataValidations count="1">')).toBeGreaterThan(xml.indexOf('</mergeCells>'));
    expect(xml.indexOf('<dataValidations')).toBeLessThan(xml.indexOf('<pageMargins'));
  });

  itWithOpenpyxl('writes validations openpyxl reads back with their lists and counts', () => {
    const pkg = openPackage(sample('wafangdian.xlsx'));
    pkg.setValidations('附件4', [SEX, RESULT]);
    const got = openpyxlJson<[string, string | null][]>(
      pkg.toBytes(),
      'ws = openpyxl.load_workbook(sys.argv[1])["附件4"]\nprint(json.dumps([[str(d.sqref), d.formula1] for d in ws.data_validations.dataValidation], ensure_ascii=False))',
    );
    expect(got).toEqual([
      ['J3:J152', '"是,否,无"'],
      ['F3:F152', '"男,女"'],
      ['I3:I152', '"A.户籍原因,B.在校有学籍"'],
    ]);
  });
});

describe('XlsxPackage.sheets', () => {
  it('lists the sheets in tab order with their state, without the marks memory', () => {
    const pkg = openPackage(sample('wafangdian_x14.xlsx'));
    pkg.markCells('附件4', ['A3'], 'FFC7CE');
    const reopened = openPackage(pkg.toBytes());
    expect(reopened.sheets()).toEqual([
      { name: '附件4', state: 'visible' },
      { name: '附件5', state: 'visible' },
      { name: '字典', state: 'hidden' },
    ]);
  });
});
