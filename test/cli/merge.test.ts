import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { parseCli } from '../../src/cli/args';
import { runMerge } from '../../src/cli/merge';
import { UsageError } from '../../src/cli/profile';
import { readWorkbookFile } from '../../src/io/readFile';
import { checkWorkbook } from '../../src/core/check';
import { cellText } from '../../src/core/model/cell';
import type { SheetGrid } from '../../src/core/model/workbook';
import { LEDGER_HEADER } from '../core/merge/fixtures';
import { WAFANGDIAN_HEADER, wafangdianRow } from '../core/rules/fixtures';
import { writeMergeSet, type MergeSetKey } from './mergeSet';
import { captureOutput } from '../helpers/captureOutput';

let dir: string;
let schools: string;
let key: MergeSetKey;
const { out, err } = captureOutput();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-merge-'));
  schools = path.join(dir, 'schools');
  key = await writeMergeSet(schools);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const run = (...argv: string[]) => runMerge(parseCli(['merge', ...argv]));

function sheetNamed(sheets: SheetGrid[], name: string): SheetGrid {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} among ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}

const python = (script: string, ...args: string[]) => spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8' });
const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const libreOffice = (file: string, password?: string) => {
  const r = spawnSync('/usr/bin/python3', [path.join(__dirname, '../helpers/libreoffice_open.py'), file, ...(password ? [password] : [])], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(r.stdout) as { sheets?: { name: string; rows: number }[]; error?: string };
};

describe('baoxue merge', () => {
  const county = () => path.join(dir, 'county.xlsx');
  let doc: {
    inputs: { file: string; status: string; rows?: number; reason?: string }[];
    rowsOut: number;
    tables: { template: string; sheet: string; rowsIn: number; rowsOut: number }[];
    findings: { rule: string; idcard?: string; files: string[]; outputRows: number[] }[];
  };
  let code: number;

  beforeAll(async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    out.length = 0;
    code = await run(schools, '-o', county(), '--json');
    doc = JSON.parse(out.join(''));
    jest.restoreAllMocks();
  });

  it('merges every school of the folder and leaves out, with a reason, what it cannot merge', () => {
    expect(code).toBe(1); // some inputs were left out
    expect(doc.rowsOut).toBe(key.rowsTotal + key.surveyRows);
    expect(doc.tables).toEqual([
      { template: 'dropout-ledger', title: '失学辍学儿童少年统计表', sheet: '附件1', rowsIn: key.rowsTotal, rowsOut: key.rowsTotal },
      { template: 'survey-ledger', title: '控辍保学摸排情况统计表', sheet: '附件2', rowsIn: key.surveyRows, rowsOut: key.surveyRows },
    ]);
    const rejected = doc.inputs.filter((i) => i.status === 'rejected');
    expect(rejected.map((i) => path.basename(i.file)).sort()).toEqual([...key.rejected].sort());
    const reason = (name: string) => rejected.find((i) => path.basename(i.file) === name)?.reason;
    expect(reason('04_损坏的文件.xlsx')).toMatch(/损坏|不完整/);
    expect(reason('05_成绩表.xlsx')).toMatch(/^没有找到可识别的官方表格/);
    expect(reason('06_旧版.xls')).toMatch(/97-2003/);
    expect(reason('08_加密.xlsx')).toMatch(/加密/);
    expect(doc.inputs.filter((i) => i.status === 'merged').map((i) => i.rows)).toEqual([3, 4, 2, key.surveyRows]);
  });

  it('flags the child of two schools with both files, keeping both rows', () => {
    const dup = doc.findings.filter((f) => f.rule === 'merge.duplicate-child');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.idcard).toBe(key.duplicateId);
    expect(dup[0]!.files.map((f) => path.basename(f))).toEqual(['01_城关第一小学.xlsx', '03_城关中学.xlsx']);
    expect(dup[0]!.outputRows).toEqual([4, 11]);
  });

  it('prints only JSON on stdout and no progress bar off a terminal', () => {
    expect(err.join('')).toBe('');
  });

  it('writes the merged table in the official layout, with 来源, 原始序号 and the extra column', async () => {
    const grid = await readWorkbookFile(county());
    expect(grid.sheets.map((s) => s.name).filter((n) => !n.startsWith('字典'))).toEqual(['附件1', '附件2', '合并说明']);
    const table = sheetNamed(grid.sheets, '附件1');
    expect(cellText(table.rows[0]![0])).toBe('失学辍学儿童少年统计表');
    const header = table.rows[1]!.map((v) => cellText(v).split('\n')[0]);
    expect(header).toEqual([...LEDGER_HEADER, '来源', '原始序号', '联系电话']);
    const body = table.rows.slice(2, 2 + key.rowsTotal);
    const col = (label: string) => body.map((r) => r[header.indexOf(label)] ?? null);
    expect(col('序号')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(col('原始序号')).toEqual([1, 2, 3, 1, 2, 3, 4, 1, 2]);
    expect(col('来源')[0]).toBe('01_城关第一小学.xlsx / 城关第一小学');
    expect(col('来源')[8]).toBe('03_城关中学.xlsx / 城关中学');
    expect(col('联系电话').filter((v) => v !== null)).toEqual(['13800000000']);
    expect(col('姓名')[7]).toBe('学生3-1'); // school 3 had its columns in another order
    const dropdowns = (table.validations ?? []).map((v) => v.sqref);
    expect(dropdowns).toEqual(expect.arrayContaining(['D3:D11', 'L3:L11']));
    expect(grid.definedNames?._baoxue_template).toBe('"dropout-ledger@1,survey-ledger@1"');
  });

  it('lists every input with its status and the check’s counts in 合并说明', async () => {
    const notes = sheetNamed((await readWorkbookFile(county())).sheets, '合并说明');
    const text = notes.rows.map((r) => r.map((v) => cellText(v)).join('|')).join('\n');
    for (const name of ['01_城关第一小学.xlsx', '02_城关第二小学.xlsx', '03_城关中学.xlsx', ...key.rejected]) expect(text).toContain(name);
    const row = notes.rows.find((r) => r[1] === '01_城关第一小学.xlsx')!;
    expect(row.slice(3, 5)).toEqual(['已合并', 3]);
    expect(typeof row[7]).toBe('number');
    expect(text).toContain('没有找到可识别的官方表格');
    expect(text).toContain(`“失学辍学儿童少年统计表”（工作表“附件1”）：各校共 ${key.rowsTotal} 行，写入 ${key.rowsTotal} 行，已合并文件的数据行都已写入，没有删减。`);
  });

  it('is a workbook that the check reads back as the same table, with every row', async () => {
    const report = checkWorkbook(await readWorkbookFile(county()), { referenceDate: '2026-09-01' });
    expect(report.tables.map((t) => [t.template, t.rows])).toEqual([['dropout-ledger', key.rowsTotal], ['survey-ledger', key.surveyRows]]);
    expect(report.findings.filter((f) => /^(header|serial)\./.test(f.rule))).toEqual([]);
  });

  it('opens in openpyxl', () => {
    const r = python(
      'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb["附件1"]\nprint(",".join(wb.sheetnames)); print(ws.max_row); print(ws.cell(3, 13).value)',
      county(),
    );
    expect(r.stderr).toBe('');
    const [names, maxRow, source] = r.stdout.trim().split('\n');
    expect(names!.split(',')).toEqual(expect.arrayContaining(['附件1', '合并说明']));
    expect(Number(maxRow)).toBeGreaterThanOrEqual(2 + key.rowsTotal);
    expect(source).toBe('01_城关第一小学.xlsx / 城关第一小学');
  });

  it('opens in LibreOffice', () => {
    if (!soffice) {
      console.log('LibreOffice (soffice) is not installed: skipped opening the merged workbook with it.');
      return;
    }
    const opened = libreOffice(county());
    expect(opened.error).toBeUndefined();
    expect(opened.sheets!.find((s) => s.name === '附件1')!.rows).toBeGreaterThanOrEqual(2 + key.rowsTotal);
  });
});

describe('baoxue merge --password', () => {
  const locked = () => path.join(dir, 'locked.xlsx');
  beforeAll(async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await run(path.join(schools, '01_城关第一小学.xlsx'), path.join(schools, '03_城关中学.xlsx'), '-o', locked(), '--password', '县局2026');
    jest.restoreAllMocks();
  });

  it('writes a file the project itself knows to be encrypted', async () => {
    await expect(readWorkbookFile(locked())).rejects.toThrow(/加密/);
  });

  it('opens with the password in msoffcrypto-tool, integrity checked, and not with another', () => {
    const script = [
      'import sys, io, msoffcrypto, openpyxl',
      'f = msoffcrypto.OfficeFile(open(sys.argv[1], "rb"))',
      'f.load_key(password=sys.argv[2], verify_password=True)',
      'o = io.BytesIO(); f.decrypt(o, verify_integrity=True)',
      'print(openpyxl.load_workbook(o)["附件1"].cell(3, 13).value)',
    ].join('\n');
    const ok = python(script, locked(), '县局2026');
    if (/No module named 'msoffcrypto'/.test(ok.stderr)) {
      console.log('msoffcrypto-tool (Debian python3-msoffcrypto-tool) is not installed: skipped decrypting with it.');
      return;
    }
    expect(ok.stdout.trim()).toBe('01_城关第一小学.xlsx / 城关第一小学');
    expect(python(script, locked(), 'wrong').status).not.toBe(0);
  });

  it('opens with the password in LibreOffice, and not with another', () => {
    if (!soffice) {
      console.log('LibreOffice (soffice) is not installed: skipped opening the encrypted workbook with it.');
      return;
    }
    expect(libreOffice(locked(), '县局2026').sheets?.map((s) => s.name)).toEqual(expect.arrayContaining(['附件1', '合并说明']));
    expect(libreOffice(locked(), 'wrong').error).toBeDefined();
  });
});

describe('baoxue merge of 附件4', () => {
  async function school(file: string, serials: number[]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件4');
    ws.addRow(['瓦房店市疑似失学儿童个体情况汇总表']);
    ws.addRow(WAFANGDIAN_HEADER);
    for (const n of serials) ws.addRow(wafangdianRow(n) as (string | number)[]);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  }

  it('keeps 原始序号 as issued and adds 附件5 computed from the merged rows', async () => {
    const folder = path.join(dir, 'wafangdian');
    fs.mkdirSync(folder);
    await school(path.join(folder, '一小.xlsx'), [3, 8]);
    await school(path.join(folder, '二小.xlsx'), [11]);
    const file = path.join(dir, 'wafangdian.xlsx');
    expect(await run(folder, '-o', file)).toBe(0);
    expect(out.join('')).toContain('共写入 3 行');
    const grid = await readWorkbookFile(file);
    const table = sheetNamed(grid.sheets, '附件4');
    expect(table.rows.slice(2, 5).map((r) => r[0])).toEqual([3, 8, 11]);
    expect(table.rows[1]!.filter((v) => cellText(v).startsWith('原始序号'))).toHaveLength(1);
    const report = checkWorkbook(grid, { referenceDate: '2019-03-01' });
    expect(report.tables.map((t) => t.template)).toEqual(['wafangdian-individual', 'wafangdian-totals']);
    expect(report.findings.filter((f) => f.rule.startsWith('totals.'))).toEqual([]);
  });
});

describe('baoxue merge of workbooks holding two official tables', () => {
  it('writes both tables of both copies of the 赣县 sample, each on its own sheet, counted per table', async () => {
    const sample = path.join(__dirname, '../../../shared/samples/ganxian.xlsx');
    const copies = [path.join(dir, 'ganxian-1.xlsx'), path.join(dir, 'ganxian-2.xlsx')];
    for (const c of copies) fs.copyFileSync(sample, c);
    const file = path.join(dir, 'ganxian-merged.xlsx');
    expect(await run(...copies, '-o', file, '--json')).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.rowsOut).toBe(100);
    expect(json.tables.map((t: { sheet: string; rowsIn: number; rowsOut: number }) => [t.sheet, t.rowsIn, t.rowsOut])).toEqual([['附件1-2', 60, 60], ['附件2', 40, 40]]);
    expect(json.inputs[0].tables.map((t: { rows: number }) => t.rows)).toEqual([30, 20]);
    // Read back by openpyxl: every 来源 cell of every merged row.
    const r = python(
      'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nfor n in wb.sheetnames:\n  ws = wb[n]\n  hdr = [str(c.value or "") for c in ws[2]]\n  if "来源" in hdr:\n    k = hdr.index("来源")\n    print(n, sum(1 for row in ws.iter_rows(min_row=3, values_only=True) if row[k]))',
      file,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['附件1-2 60', '附件2 40']);
  });

  it('says on the terminal, per table, rows in and rows out', async () => {
    const copies = [path.join(dir, 'ganxian-1.xlsx'), path.join(dir, 'ganxian-2.xlsx')];
    expect(await run(...copies, '-o', path.join(dir, 'ganxian-text.xlsx'))).toBe(0);
    const text = out.join('');
    expect(text).toContain('“义务教育阶段辍学学生登记汇总表” → 工作表“附件1-2”：读入 60 行，写入 60 行，没有删减。');
    expect(text).toContain('“脱贫户子女辍学学生劝返复学工作台账” → 工作表“附件2”：读入 40 行，写入 40 行，没有删减。');
  });
});

describe('baoxue merge refuses', () => {
  it('to write over an input', async () => {
    const input = path.join(schools, '01_城关第一小学.xlsx');
    await expect(run(schools, '-o', input)).rejects.toThrow(UsageError);
  });

  it('to run without -o', async () => {
    await expect(run(schools)).rejects.toThrow(UsageError);
  });

  it('to write anything when nothing can be merged, and exits 2', async () => {
    const file = path.join(dir, 'none.xlsx');
    expect(await run(path.join(schools, '05_成绩表.xlsx'), '-o', file, '--json')).toBe(2);
    expect(fs.existsSync(file)).toBe(false);
    expect(JSON.parse(out.join('')).rowsOut).toBe(0);
  });
});
