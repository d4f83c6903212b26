import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { parseCli } from '../../src/cli/args';
import { runNotices } from '../../src/cli/notices';
import { findOffice } from '../../src/cli/pdf';
import { UsageError } from '../../src/cli/profile';
import { readWorkbookFile } from '../../src/io/readFile';
import { createWorkbook } from '../../src/io/xlsx';
import { cellText } from '../../src/core/model/cell';
import type { SheetGrid } from '../../src/core/model/workbook';
import { DROPOUT_HEADER, dropoutRow } from '../core/notices/fixtures';
import { captureOutput } from '../helpers/captureOutput';

const SAMPLE = path.join(__dirname, '../../../shared/samples/dropout_ledger.xlsx');
/**
 * Rows of the sample's 失学辍学儿童少年统计表 whose 劝返结果 is not 已复学 (read off the sample),
 * with the child of each: the notices must be exactly these, in this order.
 */
const NOT_RETURNED: [number, string][] = [
  [7, '叶东伟'], [11, '魏梓晨'], [13, '宋文秀'], [15, '张娟'], [18, '崔诗'], [22, '龚诗'], [27, '陆明'],
  [28, '马兰涵'], [29, '曾涵'], [33, '于磊'], [34, '邵佳'], [39, '龙皓'], [42, '黎建琪'],
];
const TITLE = '义务教育复学通知书';

let dir: string;
const { out, err } = captureOutput();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baoxue-notices-'));
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runNotices(parseCli(['notices', ...argv]));

function sheetNamed(sheets: SheetGrid[], name: string): SheetGrid {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const texts = (s: SheetGrid) => s.rows.flat().map((v) => cellText(v)).filter(Boolean);

describe('baoxue notices', () => {
  it('writes one 复学通知书 per child not yet back, each on its own page, and lists those whose guardian is to be handwritten', async () => {
    const target = path.join(dir, '通知书.xlsx');
    const before = fs.readFileSync(SAMPLE);
    // 001's 式样 cite 山东's regulation: 枣庄's profile gives it.
    expect(await run(SAMPLE, '-o', target, '--unit', '城关镇人民政府', '--date', '2099-12-01', '--profile', '枣庄')).toBe(0);
    expect(fs.readFileSync(SAMPLE).equals(before)).toBe(true);

    const grid = await readWorkbookFile(target);
    expect(grid.sheets.map((s) => s.name)).toEqual(['通知书', '未能生成']);
    const notices = texts(sheetNamed(grid.sheets, '通知书'));
    expect(notices.filter((t) => t === TITLE)).toHaveLength(NOT_RETURNED.length);
    const bodies = notices.filter((t) => t.includes('您的孩子（被监护人）'));
    expect(bodies.map((b) => /被监护人）(.+?)处于/.exec(b)?.[1])).toEqual(NOT_RETURNED.map(([, name]) => name));
    expect(bodies[0]).toBe(
      '\u3000\u3000按照《中华人民共和国义务教育法》《山东省义务教育条例》有关规定和要求，接受义务教育是法律赋予每个适龄儿童的权利和义务。' +
        '您的孩子（被监护人）叶东伟处于接受义务教育年龄，请您于12月1日前送其到红旗小学报到入读。',
    );
    expect(notices.filter((t) => t === '________（父母或法定监护人）：')).toHaveLength(NOT_RETURNED.length);
    expect(notices.filter((t) => t === '城关镇人民政府')).toHaveLength(NOT_RETURNED.length);

    const sheetXml = strFromU8(unzipSync(fs.readFileSync(target))['xl/worksheets/sheet1.xml']!);
    expect(sheetXml).toContain(`<rowBreaks count="${NOT_RETURNED.length - 1}"`);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="portrait"/);

    const list = sheetNamed(grid.sheets, '未能生成').rows.slice(2).map((r) => [cellText(r[1]), cellText(r[2]), cellText(r[3])]);
    expect(list).toEqual(NOT_RETURNED.map(([row, name]) => [String(row), name, '需手写']));

    const said = out.join('') + err.join('');
    expect(said).toContain(`已生成 ${NOT_RETURNED.length} 份通知书`);
    expect(said).toContain('报到截止日期（--date）是 2099年12月1日');
    for (const [, name] of NOT_RETURNED) expect(said).not.toContain(name); // names stay in the file
  });

  it('lists a child with no school and gives no notice for it, exit 1', async () => {
    const input = path.join(dir, '名单.xlsx');
    const rows = [
      ['失学辍学儿童少年统计表'], DROPOUT_HEADER,
      dropoutRow(1, '庚一', '红旗小学', '2.尚未复学，拟于12月19日返校复学'),
      dropoutRow(2, '庚二', null, '2.尚未复学，拟于12月19日返校复学'),
    ];
    fs.writeFileSync(input, createWorkbook({
      sheets: [{ name: '统计表', cells: rows.flatMap((r, row) => r.map((value, col) => ({ row, col, value }))) }],
    }));
    const target = path.join(dir, 'out.xlsx');
    expect(await run(input, '-o', target, '--unit', '某镇', '--date', '2099-12-01')).toBe(1);
    const said = out.join('');
    expect(said).toContain('1 名学生未能生成通知书');
    expect(said).toContain('工作表“统计表”第4行：学校未填，无法填写报到学校');
    expect(said).not.toContain('庚二');
    const grid = await readWorkbookFile(target);
    const list = sheetNamed(grid.sheets, '未能生成').rows.slice(2).map((r) => r.map((v) => cellText(v)));
    expect(list[0]).toEqual(['统计表', '4', '庚二', '未生成', '学校未填，无法填写报到学校；表中没有监护人一栏，无法填写监护人姓名']);
    expect(texts(sheetNamed(grid.sheets, '通知书')).filter((t) => t === TITLE)).toHaveLength(1);
  });

  it('cites the national law alone without a profile, and 瓦房店\'s profile never cites 山东\'s regulation', async () => {
    for (const profile of [[], ['--profile', 'wafangdian']]) {
      const target = path.join(dir, `law${profile.length}.xlsx`);
      expect(await run(SAMPLE, '-o', target, '--unit', '某镇', '--date', '2099-12-01', ...profile)).toBe(0);
      const body = texts(sheetNamed((await readWorkbookFile(target)).sheets, '通知书')).find((t) => t.includes('被监护人'))!;
      expect(body).toContain('按照《中华人民共和国义务教育法》有关规定和要求');
      expect(body).not.toContain('山东');
    }
  });

  it('never says "no child needs a notice" beside children who got none', async () => {
    const input = path.join(dir, '缺学校.xlsx');
    const rows = [['失学辍学儿童少年统计表'], DROPOUT_HEADER, dropoutRow(1, '辛一', null, '2.尚未复学，拟于12月19日返校复学'), dropoutRow(2, '辛二', null, '2.尚未复学，拟于12月19日返校复学')];
    fs.writeFileSync(input, createWorkbook({ sheets: [{ name: '统计表', cells: rows.flatMap((r, row) => r.map((value, col) => ({ row, col, value }))) }] }));
    expect(await run(input, '-o', path.join(dir, 'o2.xlsx'), '--unit', '某镇', '--date', '2099-12-01')).toBe(1);
    const said = out.join('');
    expect(said).toContain('没有生成任何通知书');
    expect(said).toContain('2 名学生未能生成通知书');
    expect(said).not.toContain('没有尚未复学');
  });

  it('names a misspelt profile key and what it may hold, in one Chinese line', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ name: '某县', law: ['中华人民共和国义务教育法'] }));
    await expect(run(SAMPLE, '-o', path.join(dir, 'o3.xlsx'), '--unit', '某镇', '--date', '2099-12-01', '--profile', bad)).rejects.toThrow(/“law\.0”（通知书引用的法律法规）格式不对，应写成《中华人民共和国义务教育法》这样/);
  });

  it('never overwrites the input and asks for the unit and the date', async () => {
    const copy = path.join(dir, 'in.xlsx');
    fs.copyFileSync(SAMPLE, copy);
    await expect(run(copy, '-o', copy, '--unit', '某镇', '--date', '2099-12-01')).rejects.toThrow(UsageError);
    await expect(run(copy, '-o', path.relative(process.cwd(), copy), '--unit', '某镇', '--date', '2099-12-01')).rejects.toThrow(UsageError);
    await expect(run(copy, '-o', path.join(dir, 'o.xlsx'), '--date', '2099-12-01')).rejects.toThrow('--unit');
    await expect(run(copy, '-o', path.join(dir, 'o.xlsx'), '--unit', '某镇')).rejects.toThrow('--date');
    await expect(run(copy, '-o', path.join(dir, 'o.xlsx'), '--unit', '某镇', '--date', '2099-02-30')).rejects.toThrow(UsageError);
    expect(fs.readFileSync(copy).equals(fs.readFileSync(SAMPLE))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'o.xlsx'))).toBe(false);
  });

  it('says why when the file holds no list that notices come from', async () => {
    const input = path.join(dir, '其他.xlsx');
    fs.writeFileSync(input, createWorkbook({ sheets: [{ name: 'Sheet1', cells: [{ row: 0, col: 0, value: '会议记录' }] }] }));
    expect(await run(input, '-o', path.join(dir, 'o.xlsx'), '--unit', '某镇', '--date', '2099-12-01')).toBe(2);
    expect(err.join('')).toContain('没有可以生成通知书的名单');
  });

  it('with --pdf, prints one page per child through LibreOffice', async () => {
    const office = findOffice();
    if (!office) {
      // eslint-disable-next-line no-console
      console.log('跳过 PDF 测试：未安装 LibreOffice（soffice），apt-get install -y libreoffice-calc-nogui 后可运行');
      return;
    }
    const target = path.join(dir, '通知书.xlsx');
    expect(await run(SAMPLE, '-o', target, '--unit', '城关镇人民政府', '--date', '2099-12-01', '--pdf')).toBe(0);
    const pdf = path.join(dir, '通知书.pdf');
    expect(err.join('')).toBe('');
    expect(fs.existsSync(pdf)).toBe(true);

    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    NOT_RETURNED.forEach(([, name], i) => {
      const page = pages[i]!.replace(/\s+/g, '');
      expect(page.split(TITLE)).toHaveLength(2); // the title exactly once: one notice per page
      expect(page).toContain(`被监护人）${name}处于`);
      expect(page).toContain('城关镇人民政府');
    });
    expect(pages[NOT_RETURNED.length]!.replace(/\s+/g, '')).toContain('未能生成通知书或需手写补全的学生');

    const png = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-png', '-r', '60', '-singlefile', pdf, png]);
    const image = fs.readFileSync(`${png}.png`);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(8000); // a blank A4 page at 60 dpi is ~2 KB
  });
});
