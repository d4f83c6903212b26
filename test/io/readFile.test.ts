import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbookFile, writeFileAtomic } from '../../src/io/readFile';
import { readWorkbook, XlsxError } from '../../src/io/xlsx';
import { ledgerFixture } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-readfile-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readWorkbookFile', () => {
  it('reads with the native inflater the same grid as the portable reader', async () => {
    const bytes = await ledgerFixture();
    const file = path.join(dir, '台账.xlsx');
    fs.writeFileSync(file, bytes);
    expect(await readWorkbookFile(file)).toEqual(readWorkbook(bytes));
  });

  it('rejects a non-workbook with XlsxError', async () => {
    const file = path.join(dir, 'a.xlsx');
    fs.writeFileSync(file, '姓名,年龄\n');
    await expect(readWorkbookFile(file)).rejects.toBeInstanceOf(XlsxError);
  });
});

describe('writeFileAtomic', () => {
  it('writes the bytes, replaces an older file and leaves no temporary file', async () => {
    const file = path.join(dir, 'out.xlsx');
    fs.writeFileSync(file, 'old');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect([...fs.readFileSync(file)]).toEqual([1, 2, 3]);
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'out.xlsx'), new Uint8Array([1]))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
