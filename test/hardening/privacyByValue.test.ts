import fs from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check';
import { recognise } from '../../src/core/find/recognise';
import { PersonalData } from '../../src/core/privacy/maskFindings';
import { maskIdLike, maskKnown } from '../../src/core/privacy/mask';
import type { CellValue } from '../../src/core/model/cell';
import { workbook } from '../helpers/grid';
import { childId, LEDGER_HEADER, ledgerRecord, schoolSheet } from '../core/merge/fixtures';

/** Under --mask a name or 身份证号 is masked by its value, wherever in the row or the table it stands. */

function maskedFindings(rows: Record<string, CellValue>[], edit: (grid: ReturnType<typeof workbook>) => void = () => {}) {
  const grid = workbook(schoolSheet(LEDGER_HEADER, rows));
  edit(grid);
  const recognised = recognise(grid);
  const personal = new PersonalData(recognised);
  const findings = checkWorkbook(grid, { recognised, referenceDate: '2026-09-01' }).findings;
  return { raw: findings, masked: findings.map((f) => personal.maskFinding(f)) };
}

const texts = (fs: { column: string; message: string; fix: string }[]) => fs.map((f) => `${f.column} ${f.message} ${f.fix}`).join('\n');

describe('a row pasted one column to the right', () => {
  const records = Array.from({ length: 4 }, (_, i) => ledgerRecord(1, i + 1, '城关第一小学'));
  records[2]!['姓名'] = '白伟琪';
  // Row 5 of the sheet (title, header, then rows): every value one column to the right.
  const shift = (grid: ReturnType<typeof workbook>) => {
    const row = grid.sheets[0]!.rows[4]!;
    row.unshift(null);
  };

  it('speaks of the name under another column, and --mask masks it there', () => {
    const { raw, masked } = maskedFindings(records, shift);
    expect(texts(raw)).toContain('白伟琪'); // the case: the rule quotes the value it found under 性别
    expect(texts(masked)).not.toContain('白伟琪');
    expect(texts(masked)).not.toContain(childId(1, 3));
    expect(texts(masked)).toContain('白**');
  });

  it('keeps a mistyped category readable in a row that is in place', () => {
    const typo = records.map((r) => ({ ...r }));
    typo[1]!['劝返结果'] = '已经复学';
    const { masked } = maskedFindings(typo);
    expect(texts(masked)).toContain('已经复学');
  });
});

describe('every name and 身份证号 of the table', () => {
  it('is masked in any finding, whichever row it came from', () => {
    const personal = new PersonalData(recognise(workbook(schoolSheet(LEDGER_HEADER, [ledgerRecord(1, 1, '一小'), { ...ledgerRecord(1, 2, '一小'), 姓名: '欧阳娜娜' }]))));
    const text = personal.maskText('与第3行（学生1-1，身份证号 ' + childId(1, 1) + '）重复；又见欧阳娜娜', '附件1', [4]);
    expect(text).not.toContain('欧阳娜娜');
    expect(text).not.toContain(childId(1, 1));
    expect(text).toContain('欧***');
  });
});

describe('maskKnown', () => {
  it('masks the longest name at each place, ids of any length it was given, and any 身份证号-like number', () => {
    expect(maskKnown('王小明和王小在此', [], ['王小', '王小明'])).toBe('王**和王*在此');
    expect(maskKnown('号码 AB12345678901234C 见', ['AB12345678901234C'], [])).toBe('号码 AB1234**********C 见');
    expect(maskIdLike('a110101201001011234b 1101012010010112345 11010120100101123X')).toBe('a110101***********4b 1101012010010112345 110101***********X');
    expect(maskIdLike('123456789012345')).toBe('123456********5');
  });

  it('is written without regular-expression lookbehind (old Safari webviews lack it)', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../src/core/privacy/mask.ts'), 'utf8');
    expect(source).not.toMatch(/\(\?<[=!]/);
  });
});
