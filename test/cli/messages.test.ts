import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { editPart } from '../io/fixtures';
import { LEDGER_HEADER, ledgerRecord } from '../core/merge/fixtures';
import { captureOutput } from '../helpers/captureOutput';

const SAMPLE = path.join(__dirname, '../../../shared/samples/ganxian.xlsx');
let dir: string;
const { out, err } = captureOutput();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-messages-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


/** One line of Chinese, no English system text, no stack. */
function expectOneChineseLine(text: string): void {
  expect(text.trimEnd().split('\n')).toHaveLength(1);
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/Unknown option|ENOENT|EISDIR|EACCES|no such file|illegal operation|Error:|\bat \w/);
}

describe('baoxue with no arguments', () => {
  it('prints the usage and exits 2', async () => {
    expect(await main([])).toBe(2);
    expect(err.join('')).toContain('用法：');
  });

  it('asked for help, prints it on stdout and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(out.join('')).toContain('用法：');
  });
});

describe('argument errors exit 2 with one Chinese line', () => {
  it.each([
    [['check', '--foo', 'a.xlsx'], '不认识的选项“--foo”'],
    [['merge', 'a.xlsx', '-x'], '不认识的选项“-x”'],
    [['merge', 'a.xlsx', '-o'], '选项“--output”后面要跟一个值'],
    [['check', '--json=yes', 'a.xlsx'], '选项“--json”不带值'],
  ])('%j', async (argv, said) => {
    expect(await main(argv)).toBe(2);
    const text = err.join('');
    expect(text).toContain(said);
    expectOneChineseLine(text);
  });
});

describe('output-folder failures exit 2 with one Chinese line', () => {
  it('a folder that does not exist', async () => {
    expect(await main(['merge', SAMPLE, '-o', path.join(dir, 'no', 'such', 'out.xlsx')])).toBe(2);
    const text = err.join('');
    expect(text).toContain(`找不到文件夹“${path.join(dir, 'no', 'such')}”`);
    expectOneChineseLine(text);
  });

  it('an output that is a folder', async () => {
    const folder = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(folder);
    expect(await main(['fill', path.join(SAMPLE, '../wafangdian.xlsx'), '-o', folder])).toBe(2);
    const text = err.join('');
    expect(text).toContain('是一个文件夹');
    expectOneChineseLine(text);
  });

  it('a folder without write permission', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    expect(await main(['merge', SAMPLE, '-o', path.join(locked, 'out.xlsx')])).toBe(2);
    const text = err.join('');
    expect(text).toContain('没有在');
    expect(text).not.toContain('.tmp');
    expectOneChineseLine(text);
  });
});

describe('a cell over 32,767 characters in a school’s workbook', () => {
  it('stops the merge with one Chinese line naming the cell, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1');
    ws.addRow(['失学辍学儿童少年统计表']);
    ws.addRow(LEDGER_HEADER);
    const row = ledgerRecord(1, 1, '一小');
    row['劝返过程记录'] = 'PLACEHOLDER';
    ws.addRow(LEDGER_HEADER.map((h) => row[h] as string | number));
    const bytes = editPart(new Uint8Array(await wb.xlsx.writeBuffer()), 'xl/sharedStrings.xml', (xml) => xml.replace('PLACEHOLDER', '记'.repeat(40000)));
    const school = path.join(dir, 'long.xlsx');
    fs.writeFileSync(school, bytes);
    const target = path.join(dir, 'long-merged.xlsx');
    expect(await main(['merge', school, '-o', target])).toBe(2);
    const text = err.join('');
    expect(text).toContain('40000 个字符');
    expect(text).toContain('32767');
    expectOneChineseLine(text);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('file and sheet names with control characters', () => {
  it('are printed with those characters written out, never sent to the terminal', async () => {
    const bytes = editPart(new Uint8Array(fs.readFileSync(path.join(SAMPLE, '../wafangdian.xlsx'))), 'xl/workbook.xml', (xml) =>
      xml.replace('name="附件4"', 'name="附件4\u202e\u009b2J"'),
    );
    const file = path.join(dir, 'evil\u001b[2J\r名单.xlsx');
    fs.writeFileSync(file, bytes);
    expect(await main(['check', file])).toBe(1);
    const text = out.join('') + err.join('');
    expect(text).not.toMatch(/[\u001b\r\u009b\u202e]/);
    expect(text).toContain('evil\\x1b[2J\\x0d名单.xlsx');
    expect(text).toContain('附件4\\u202e\\x9b2J');
  });
});
