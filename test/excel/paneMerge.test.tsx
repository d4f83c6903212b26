import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { SheetGrid } from '../../src/core/model/workbook';
import { checkWorkbook } from '../../src/core/check';
import { createWorkbook, readWorkbook, XlsxError } from '../../src/io/xlsx';
import { ExcelHost } from '../../src/excel/host';
import { mergeFiles } from '../../src/pane/mergeFiles';
import { addMergedSheets, mergeSchools } from '../../src/pane/mergeAction';
import { DropdownLists } from '../../src/templates/layout';
import type { SheetSpec } from '../../src/io/xlsx/spec';
import { MergeReport } from '../../src/pane/MergePanel';
import { Pane } from '../../src/pane/Pane';
import type { MergeOutcome, PaneServices, SchoolFile } from '../../src/pane/services';
import { ui } from '../../src/i18n/zh-CN/ui';
import { MERGE } from '../../src/i18n/zh-CN/merge';
import { sheet } from '../helpers/grid';
import { childId, LEDGER_HEADER, ledgerRecord, schoolSheet } from '../core/merge/fixtures';
import { wafangdianRow, wafangdianSheet } from '../core/rules/fixtures';
import { FakeBook } from './fakeExcel';
import { StubHost } from './stubHost';

async function fileOf(name: string, ...sheets: SheetGrid[]): Promise<SchoolFile> {
  const specs = sheets.map((s) => ({
    name: s.name,
    cells: s.rows.flatMap((row, r) => row.flatMap((value, col) => (value === null ? [] : [{ row: r, col, value }]))),
  }));
  return { name, bytes: await createWorkbook({ sheets: specs }) };
}

const records = (school: number, count: number, name: string) => Array.from({ length: count }, (_, i) => ledgerRecord(school, i + 1, name));

/** Two schools of 附件1 (school 2's second child is school 1's second), a broken file and a foreign workbook. */
async function schools(): Promise<SchoolFile[]> {
  const second = records(2, 2, '城关第二小学');
  second[1]!['身份证号'] = childId(1, 2);
  return [
    await fileOf('01_城关第一小学.xlsx', schoolSheet(LEDGER_HEADER, records(1, 3, '城关第一小学'))),
    await fileOf('02_城关第二小学.xlsx', schoolSheet(LEDGER_HEADER, second)),
    { name: '03_损坏.xlsx', bytes: new TextEncoder().encode('这不是一个工作簿') },
    await fileOf('04_成绩.xlsx', sheet('成绩', [['学号', '语文', '数学'], [1, 90, 95]])),
  ];
}

const readReason = (bytes: Uint8Array) => {
  try {
    readWorkbook(bytes);
  } catch (e) {
    if (e instanceof XlsxError) return e.message;
  }
  throw new Error('the file was meant to be unreadable');
};

const OPTS = { referenceDate: '2026-06-30' };

describe('merging school workbooks for the pane', () => {
  it('reports every input, the rows and the child of two schools, and builds the county workbook', async () => {
    const files = await schools();
    const out = await mergeFiles(files, OPTS);
    expect(out.title).toBe('失学辍学儿童少年统计表');
    expect(out.rows).toBe(5);
    expect(out.inputs.map((i) => [i.file, i.status, i.rows ?? null])).toEqual([
      ['01_城关第一小学.xlsx', 'merged', 3],
      ['02_城关第二小学.xlsx', 'merged', 2],
      ['03_损坏.xlsx', 'rejected', null],
      ['04_成绩.xlsx', 'rejected', null],
    ]);
    expect(out.inputs[2]!.reason).toBe(readReason(files[2]!.bytes));
    expect(out.inputs[3]!.reason).toMatch(/^没有找到可识别的官方表格/);
    // School 1's second child is the list's 2nd row, school 2's second the 5th: Excel rows 4 and 7 under title and header.
    expect(out.duplicates).toHaveLength(1);
    expect(out.duplicates[0]).toMatchObject({ files: ['01_城关第一小学.xlsx', '02_城关第二小学.xlsx'], rows: [4, 7] });
    expect(out.workbook!.sheets.map((s) => s.name)).toEqual(['附件1', MERGE.notesSheet]);
    expect(out.listSheet).toBe('附件1');
  });

  it('names its sheets around those of the workbook it goes into', async () => {
    const out = await mergeFiles(await schools(), { ...OPTS, existingSheets: ['附件1', '合并说明'] });
    expect(out.workbook!.sheets.map((s) => s.name)).toEqual(['附件1(2)', '合并说明(2)']);
    expect(out.listSheet).toBe('附件1(2)');
  });

  it('says so when no file holds a table to merge', async () => {
    const files = (await schools()).slice(2);
    const out = await mergeFiles(files, OPTS);
    expect(out).toMatchObject({ title: null, rows: 0, workbook: null, listSheet: null, duplicates: [] });
    expect(out.inputs.map((i) => i.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('reading the schools through Excel', () => {
  const viaExcel = async (b: FakeBook) => {
    const host = new ExcelHost(b.env());
    let throughExcel = 0;
    const readExternal = async (base64: string) => {
      const grid = await host.readExternalWorkbook(base64);
      throughExcel++;
      return grid;
    };
    const out = await mergeFiles(await schools(), OPTS, { readExternal });
    return { out, throughExcel };
  };

  it('gives the file layer’s result, in a constant number of syncs per workbook', async () => {
    const b = new FakeBook('1.13');
    b.addSheet('县汇总');
    const { out, throughExcel } = await viaExcel(b);
    expect(throughExcel).toBe(3); // the broken file fails in Excel and is read (and refused) by the file layer
    expect(out).toEqual(await mergeFiles(await schools(), OPTS));
    expect(b.syncs.length).toBe(3 * 4 + 1); // per workbook: insert, sizes with merges, values, delete
    expect(b.sheets.map((s) => s.name)).toEqual(['县汇总']);
  });

  it('falls back to the file layer without ExcelApi 1.13', async () => {
    const b = new FakeBook('1.12');
    b.addSheet('县汇总');
    const { out, throughExcel } = await viaExcel(b);
    expect(throughExcel).toBe(0);
    expect(b.syncs).toHaveLength(0);
    expect(out).toEqual(await mergeFiles(await schools(), OPTS));
  });

  it('falls back to the file layer when Excel refuses the files', async () => {
    const b = new FakeBook('1.13');
    b.addSheet('县汇总');
    b.insertFails = 'UnsupportedFeature';
    const { out, throughExcel } = await viaExcel(b);
    expect(throughExcel).toBe(0);
    expect(b.syncs).toHaveLength(4);
    expect(out).toEqual(await mergeFiles(await schools(), OPTS));
    expect(b.sheets.map((s) => s.name)).toEqual(['县汇总']);
  });
});

describe('合并工作簿 writes the result', () => {
  /** Two schools' 附件4: the totals (附件5) come with the merge. */
  const wafangdian = async () => [
    await fileOf('01_一校.xlsx', wafangdianSheet([wafangdianRow(1), wafangdianRow(2, { checkResult: 'A.户籍原因' })])),
    await fileOf('02_二校.xlsx', wafangdianSheet([wafangdianRow(3)])),
  ];

  it('into the open Excel workbook, next to the sheets of the same name', async () => {
    const b = new FakeBook('1.13');
    b.addSheet('附件4', [['县里自己的附件4']]);
    const services: PaneServices = { host: new ExcelHost(b.env()), check: checkWorkbook, today: () => '2019-03-01' };
    const merged = await mergeSchools(services, mergeFiles, await wafangdian());
    expect(merged.written).toEqual({ kind: 'sheets', names: ['附件4(2)', '附件5', MERGE.notesSheet] });
    expect(b.sheets.map((s) => s.name)).toEqual(['附件4', '附件4(2)', '附件5', MERGE.notesSheet]);
    expect(b.sheet('附件4').get(0, 0)).toBe('县里自己的附件4');
    expect(b.sheet('附件4(2)').validations.length).toBeGreaterThan(0);
    expect(b.selected).toEqual({ sheet: '附件4(2)', address: 'A1' });
    const source = b.sheet('附件4(2)').values[1]!.indexOf(MERGE.sourceColumn);
    expect(b.sheet('附件4(2)').values.filter((row) => String(row?.[source] ?? '').includes('.xlsx')).length).toBe(merged.outcome.rows);
  });

  it('where the services say (the browser page: a new file), without touching the open workbook', async () => {
    const host = new StubHost({ sheets: [] });
    const given: MergeOutcome[] = [];
    const writeMerged = async (o: MergeOutcome) => {
      given.push(o);
      return '合并结果.xlsx';
    };
    const merged = await mergeSchools({ host, check: checkWorkbook, writeMerged }, mergeFiles, await wafangdian());
    expect(merged.written).toEqual({ kind: 'file', name: '合并结果.xlsx' });
    expect(given).toEqual([merged.outcome]);
    expect(merged.outcome.workbook!.sheets.map((s) => s.name)).toEqual(['附件4', '附件5', MERGE.notesSheet]);
    expect(host.calls).toEqual([]);
  });

  it('adds a hidden sheet before the sheets that refer to it, and shows the list', async () => {
    const host = new StubHost({ sheets: [] });
    const sheets: SheetSpec[] = [{ name: '附件1', cells: [] }, { name: '合并说明', cells: [] }, { name: '字典(2)', cells: [], state: 'hidden' }];
    const outcome: MergeOutcome = { title: '表', rows: 0, inputs: [], duplicates: [], workbook: { sheets }, listSheet: '附件1' };
    expect(await addMergedSheets(host, outcome)).toEqual(['附件1', '合并说明']);
    expect(host.calls).toEqual(['addSheet 字典(2)', 'addSheet 附件1', 'addSheet 合并说明', 'selectCell 附件1!A1']);
  });

  it('a list too long to write inline refers to its 字典 by the name it was given, quoted where Excel needs it', () => {
    const items = Array.from({ length: 40 }, (_, i) => `第${i + 1}类：一个很长很长的类别名称`);
    const lists = new DropdownLists('字典(2)');
    expect(lists.validation('A3:A9', '类别', items).list).toEqual({ formula: `'字典(2)'!$A$1:$A$40` });
    expect(lists.sheet()).toMatchObject({ name: '字典(2)', state: 'hidden' });
    expect(new DropdownLists().validation('A3:A9', '类别', items).list).toEqual({ formula: '字典!$A$1:$A$40' });
  });

  it('writes nothing when nothing merged', async () => {
    const host = new StubHost({ sheets: [{ name: 'Sheet1', rows: [] }] });
    const merged = await mergeSchools({ host, check: checkWorkbook }, mergeFiles, (await schools()).slice(2));
    expect(merged.written).toBeNull();
    expect(host.calls).toEqual(['readWorkbook']);
  });
});

describe('the merge in the pane', () => {
  const render = (node: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

  it('offers 合并工作簿, with a picker for several .xlsx files, only where the services merge', () => {
    const host = new StubHost({ sheets: [] });
    const html = render(<Pane services={{ host, check: checkWorkbook, mergeFiles }} />);
    expect(text(html)).toContain(ui.actions.merge);
    expect(html).toMatch(/<input[^>]*type="file"[^>]*multiple=""[^>]*accept=".xlsx"/);
    expect(text(render(<Pane services={{ host, check: checkWorkbook }} />))).not.toContain(ui.actions.merge);
  });

  it('lists each file, merged or not and why, and the children of two schools', async () => {
    const out = await mergeFiles(await schools(), OPTS);
    const html = render(<MergeReport outcome={out} onSelect={() => undefined} onClose={() => undefined} />);
    const t = text(html);
    expect(t).toContain(ui.merge.summary(out.title!, 4, 2, 5));
    expect(t).toContain(ui.merge.mergedInput('01_城关第一小学.xlsx', '城关第一小学', 3));
    expect(t).toContain(ui.merge.rejectedInput('03_损坏.xlsx', out.inputs[2]!.reason!));
    expect(t).toContain(ui.merge.duplicatesTitle(1));
    expect(t).toContain(out.duplicates[0]!.message);
    expect(html).toContain('data-sheet="附件1" data-cell="A4"');
    // Written to a new file, the rows are not in the open workbook: no links.
    expect(render(<MergeReport outcome={out} onClose={() => undefined} />)).not.toContain('data-cell=');
  });
});
