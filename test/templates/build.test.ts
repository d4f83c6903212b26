import { CATALOGUE, FORMS } from '../../src/core/tables';
import { ledgerSchema, type LedgerDef } from '../../src/core/tables/schema';
import { TEMPLATE_NAME } from '../../src/core/model/workbook';
import { parseRange } from '../../src/core/model/address';
import type { SheetSpec, ValidationSpec } from '../../src/io/xlsx/spec';
import { templateFiles, templateGroups, templateSpec, workbookSpec } from '../../src/templates/build';
import { FORM_LAYOUTS } from '../../src/templates/formLayout';
import { addinFromManifest } from '../../src/templates/manifest';
import { headerText } from '../../src/templates/ledger';

const ADDIN = { id: '5d1f0c3e-7a2b-4c9d-8e1f-0a1b2c3d4e5f', version: '1.2.3.0' };

function cellAt(sheet: SheetSpec, row: number, col: number) {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

function headerRowOf(sheet: SheetSpec, def: LedgerDef): number {
  const first = def.columns[0]!;
  const cell = sheet.cells.find((c) => c.col === 0 && c.value === headerText(first.label, first.note));
  if (!cell) throw new Error(`no header in ${sheet.name}`);
  return cell.row;
}

describe('template groups and files', () => {
  it('puts every catalogue table in exactly one file', () => {
    const ids = templateGroups(CATALOGUE).flat().map((d) => d.id);
    expect([...ids].sort()).toEqual(CATALOGUE.map((d) => d.id).sort());
  });

  it('issues 002 附件5 with 附件4, each on its own sheet, and names both in the file', () => {
    const files = templateFiles(CATALOGUE, ADDIN);
    const wafangdian = files.find((f) => f.tables.some((t) => t.id === 'wafangdian-totals'))!;
    expect(wafangdian.tables.map((t) => t.id)).toEqual(['wafangdian-individual', 'wafangdian-totals']);
    expect(wafangdian.spec.sheets.map((s) => s.name)).toEqual(['附件4', '附件5']);
    expect(wafangdian.name).toBe('002-附件4-附件5-疑似失学儿童个体情况汇总表及核查劝返总体情况汇总表.xlsx');
    expect(wafangdian.spec.definedNames).toEqual([{ name: TEMPLATE_NAME, value: '"wafangdian-individual@1,wafangdian-totals@1"' }]);
  });

  it('gives every file a distinct Chinese name starting with the seed and attachment', () => {
    const names = templateFiles(CATALOGUE, ADDIN).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('004-附件1-2-义务教育阶段辍学学生登记汇总表.xlsx');
    for (const n of names) expect(n).toMatch(/^\d{3}-附件[\d-]+-.*[\u4e00-\u9fff].*\.xlsx$/);
  });

  it('names the table and carries the add-in in every workbook', () => {
    for (const def of CATALOGUE) {
      const spec = templateSpec(def, ADDIN);
      expect(spec.definedNames).toEqual([{ name: TEMPLATE_NAME, value: `"${def.id}@${def.version}"` }]);
      expect(spec.taskpane).toEqual({ addinId: ADDIN.id, version: ADDIN.version, route: { kind: 'centralized' }, autoShow: true });
    }
  });
});

describe('ledger templates', () => {
  const ledgers = CATALOGUE.filter((d): d is LedgerDef => d.kind === 'ledger');

  it.each(ledgers.map((d) => [d.id, d] as const))('%s: a dropdown with the official list on each category column', (_id, def) => {
    const sheet = templateSpec(def, ADDIN).sheets[0]!;
    const header = headerRowOf(sheet, def);
    const categories = def.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'category');
    expect(sheet.validations).toHaveLength(categories.length);
    for (const { c, i } of categories) {
      const v = sheet.validations!.find((x) => parseRange(x.sqref)!.left === i)!;
      expect(v.list).toEqual(c.list);
      expect(parseRange(v.sqref)).toEqual({ top: header + 1, left: i, bottom: header + def.templateRows, right: i });
      expect(v.prompt!.message).toContain(c.list![0]);
      expect(v.error!.message).toContain(c.label);
    }
  });

  it.each(ledgers.map((d) => [d.id, d] as const))('%s: 身份证 as text, dates as dates, header frozen and printed on every page', (_id, def) => {
    const sheet = templateSpec(def, ADDIN).sheets[0]!;
    const header = headerRowOf(sheet, def);
    def.columns.forEach((c, i) => {
      const want = c.type === 'idcard' || c.type === 'phone' ? '@' : c.type === 'date' ? 'yyyy-mm-dd' : undefined;
      expect(sheet.columnStyles!.find((s) => s.col === i)?.style.numFmt).toBe(want);
      expect(cellAt(sheet, header + 1, i)!.style!.numFmt).toBe(want);
      expect(cellAt(sheet, header + def.templateRows, i)!.style!.border).toBe(true);
    });
    expect(sheet.columnWidths).toEqual(def.columns.map((c) => c.width));
    expect(sheet.freeze).toEqual({ row: header + 1, col: 0 });
    expect(sheet.print).toMatchObject({ fitToWidth: true, titleRows: { from: header, to: header } });
  });

  it('numbers the empty rows where the seed does (004) and leaves them blank elsewhere', () => {
    const register = ledgers.find((d) => d.id === 'ganxian-register')!;
    const sheet = templateSpec(register, ADDIN).sheets[0]!;
    const header = headerRowOf(sheet, register);
    const serials = Array.from({ length: register.templateRows }, (_, i) => cellAt(sheet, header + 1 + i, 0)!.value);
    expect(serials).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const issued = ledgers.find((d) => d.id === 'wafangdian-individual')!;
    const issuedSheet = templateSpec(issued, ADDIN).sheets[0]!;
    expect(cellAt(issuedSheet, headerRowOf(issuedSheet, issued) + 1, 0)!.value).toBeNull();
  });

  it('writes header notes on a second line and footer fields on one row', () => {
    const def = ledgers.find((d) => d.id === 'wafangdian-individual')!;
    const sheet = templateSpec(def, ADDIN).sheets[0]!;
    expect(sheet.cells.some((c) => c.value === '核查结果\n（选择下拉框）' && c.style?.wrap && c.style.border)).toBe(true);
    const footer = sheet.cells.filter((c) => typeof c.value === 'string' && def.footer.includes(c.value));
    expect(footer.map((c) => c.value)).toEqual(def.footer);
    expect(new Set(footer.map((c) => c.row)).size).toBe(1);
  });
});

describe('dropdown lists too long to write inline', () => {
  const items = Array.from({ length: 30 }, (_, i) => `第${i + 1}类较长的分类名称`);
  const def = ledgerSchema.parse({
    id: 'synthetic', version: 1, kind: 'ledger', source: '999 附件9', title: '合成测试表',
    columns: [
      { key: 'name', label: '姓名', type: 'text' },
      { key: 'reason', label: '原因', type: 'category', list: items },
      { key: 'remark', label: '备注', type: 'category', list: ['甲,乙', '丙'] },
      { key: 'gender', label: '性别', type: 'category', list: ['男', '女'] },
    ],
  });

  it('go to a hidden 字典 sheet, one column each, referred to by formula', () => {
    const spec = workbookSpec([def], ADDIN);
    const dictionary = spec.sheets.find((s) => s.name === '字典')!;
    expect(dictionary.state).toBe('hidden');
    const byCol = (col: number) => dictionary.cells.filter((c) => c.col === col).sort((a, b) => a.row - b.row).map((c) => c.value);
    const v = (col: number) => spec.sheets[0]!.validations!.find((x) => parseRange(x.sqref)!.left === col) as ValidationSpec;
    expect(v(1).list).toEqual({ formula: '字典!$A$1:$A$30' });
    expect(byCol(0)).toEqual(items);
    // An item with a comma cannot be written inline either.
    expect(v(2).list).toEqual({ formula: '字典!$B$1:$B$2' });
    expect(byCol(1)).toEqual(['甲,乙', '丙']);
    expect(v(3).list).toEqual(['男', '女']);
    // Excel rejects prompts over 255 characters: a long list is not spelled out.
    expect(v(1).prompt!.message.length).toBeLessThanOrEqual(255);
    expect(v(1).error!.message.length).toBeLessThanOrEqual(225);
  });

  it('keeps 核查结果 A–M inline: under 255 bytes even counted in UTF-8', () => {
    const def = CATALOGUE.find((d): d is LedgerDef => d.id === 'wafangdian-individual')!;
    const list = def.columns.find((c) => c.key === 'checkResult')!.list!;
    expect(new TextEncoder().encode(`"${list.join(',')}"`).length).toBeLessThanOrEqual(255);
    expect(templateSpec(def, ADDIN).sheets.map((s) => s.name)).toEqual(['附件4']);
  });
});

describe('totals template (002 附件5)', () => {
  const def = CATALOGUE.find((d) => d.id === 'wafangdian-totals')!;
  const sheet = templateSpec(def, ADDIN).sheets[0]!;
  const text = (s: string) => sheet.cells.find((c) => c.value === s)!;

  it('has a two-row header with 核减项 over A类–H类 and 应劝返项 over I类–M类', () => {
    const merges = sheet.merges!;
    const mergeAt = (s: string) => merges.find((m) => m.top === text(s).row && m.left === text(s).col);
    for (const s of ['地市', '区县', '疑似失学儿童合计', '复学人数']) expect(mergeAt(s)).toMatchObject({ bottom: text(s).row + 1 });
    expect(mergeAt('核减项')).toMatchObject({ left: text('A类').col, right: text('H类').col });
    expect(mergeAt('应劝返项')).toMatchObject({ left: text('I类').col, right: text('M类').col });
    expect(text('A类').row).toBe(text('核减项').row + 1);
  });

  it('has a body row, the 总计 row and the note under it', () => {
    expect(text('总计').row).toBe(text('A类').row + 2);
    expect(text(def.notes[0]!).row).toBe(text('总计').row + 1);
  });
});

describe('form template (004 附件5)', () => {
  it('has a layout placing every field of every form exactly once', () => {
    for (const form of FORMS) {
      const placed = FORM_LAYOUTS[form.id]!.rows.flatMap((r) => r.fields.map((f) => f.key));
      expect([...placed].sort()).toEqual(form.fields.map((f) => f.key).sort());
    }
  });

  it('has dropdowns on 性别, 是否已开展劝返工作 and 劝返结果, right of their labels', () => {
    const form = FORMS.find((f) => f.id === 'jiangxi-form')!;
    const sheet = templateSpec(form, ADDIN).sheets[0]!;
    const listed = form.fields.filter((f) => f.list);
    expect(listed.map((f) => f.label)).toEqual(['性别', '是否已开展劝返工作', '劝返结果']);
    for (const field of listed) {
      const label = sheet.cells.find((c) => c.value === field.label)!;
      const v = sheet.validations!.find((x) => {
        const r = parseRange(x.sqref)!;
        return r.top === label.row && r.left === label.col + 1;
      })!;
      expect(v.list).toEqual(field.list);
    }
  });

  it('merges the section labels down the first column', () => {
    const sheet = templateSpec(FORMS[0]!, ADDIN).sheets[0]!;
    const section = sheet.cells.find((c) => c.value === '基本信息')!;
    const merge = sheet.merges!.find((m) => m.top === section.row && m.left === 0)!;
    expect(merge.bottom - merge.top + 1).toBe(8);
  });
});

describe('manifest', () => {
  it('reads the add-in Id and Version', () => {
    const xml = `<OfficeApp><Id>${ADDIN.id}</Id><Version>${ADDIN.version}</Version><Hosts><Host Name="Workbook"/></Hosts></OfficeApp>`;
    expect(addinFromManifest(xml)).toEqual(ADDIN);
    expect(addinFromManifest('<OfficeApp><Version>1.0.0.0</Version></OfficeApp>')).toBeNull();
  });
});
