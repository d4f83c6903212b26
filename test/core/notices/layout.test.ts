import { recognise } from '../../../src/core/find/recognise';
import { collectNotices } from '../../../src/core/notices/select';
import { noticeWorkbook } from '../../../src/core/notices/layout';
import type { SheetSpec } from '../../../src/io/xlsx/spec';
import { dropoutWorkbook, DROPOUT_ROWS } from './fixtures';

const OPTS = { reportBy: '2026-12-01', unit: '城关镇人民政府', issueDate: '2026-11-20', guardianFallback: 'blank' as const };

function textAt(sheet: SheetSpec, row: number): string | undefined {
  const v = sheet.cells.find((c) => c.row === row && c.col === 0)?.value;
  return typeof v === 'string' ? v : undefined;
}

describe('the printable workbook of notices', () => {
  const selection = collectNotices(recognise(dropoutWorkbook(DROPOUT_ROWS)).tables, OPTS);
  const spec = noticeWorkbook(selection);
  const [notices, shortfalls] = spec.sheets as [SheetSpec, SheetSpec];

  it('puts each notice on its own A4 portrait page, titled, bold and centred', () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(['通知书', '未能生成']);
    expect(selection.notices).toHaveLength(2);
    const breaks = notices.print?.rowBreaks ?? [];
    expect(breaks).toHaveLength(selection.notices.length - 1);
    expect(notices.print?.orientation).toBe('portrait');
    expect(notices.print?.fitToWidth).toBeFalsy(); // under fit-to-page scaling Excel may drop the breaks
    for (const top of [0, ...breaks]) {
      expect(textAt(notices, top)).toBe('义务教育复学通知书');
      const title = notices.cells.find((c) => c.row === top)!;
      expect(title.style).toMatchObject({ bold: true, hAlign: 'center' });
    }
  });

  it('fills the wording, wraps the body in a merged row tall enough, and signs on the right', () => {
    const body = notices.cells.find((c) => typeof c.value === 'string' && c.value.includes('您的孩子（被监护人）甲二'))!;
    expect(body.value).toContain('请您于12月1日前送其到城关一小学校报到入读。');
    expect(body.style).toMatchObject({ wrap: true });
    expect(notices.merges).toContainEqual({ top: body.row, left: 0, bottom: body.row, right: 7 });
    expect(notices.rowHeights?.[body.row]).toBeGreaterThanOrEqual(4 * 20);
    const signature = notices.cells.filter((c) => c.style?.hAlign === 'right' && c.row < (notices.print?.rowBreaks?.[0] ?? Infinity));
    expect(signature.map((c) => c.value)).toEqual(['城关镇人民政府', '2026年11月20日']);
  });

  it('keeps every page the same height, so no notice spills onto a second page', () => {
    const breaks = notices.print!.rowBreaks!;
    const heights = notices.rowHeights!;
    const pageHeight = (from: number, to: number) => {
      let h = 0;
      for (let r = from; r < to; r++) h += heights[r] ?? 15;
      return h;
    };
    const lastRow = Math.max(...notices.cells.map((c) => c.row)) + 1;
    const edges = [0, ...breaks, lastRow];
    for (let i = 0; i + 1 < edges.length; i++) expect(pageHeight(edges[i]!, edges[i + 1]!)).toBeLessThan(700); // A4 minus margins ≈ 770 pt
  });

  it('lists on the last sheet the children lacking something, with row and reason', () => {
    const rows = shortfalls.cells.filter((c) => c.row >= 2).reduce<Record<number, unknown[]>>((acc, c) => {
      (acc[c.row] ??= [])[c.col] = c.value;
      return acc;
    }, {});
    expect(Object.values(rows)).toEqual([
      ['统计表', 5, '甲三', '未生成', '学校未填，无法填写报到学校；表中没有监护人一栏，无法填写监护人姓名'],
      ['统计表', 4, '甲二', '需手写', '表中没有监护人一栏，无法填写监护人姓名；通知书上监护人处已留空，打印后请手写'],
      ['统计表', 6, '甲四', '需手写', '表中没有监护人一栏，无法填写监护人姓名；通知书上监护人处已留空，打印后请手写'],
    ]);
  });

  it('still says so when every child has a notice, and has no empty notices sheet when none has', () => {
    const none = noticeWorkbook({ notices: [], lacking: [], handFill: [] });
    expect(none.sheets.map((s) => s.name)).toEqual(['未能生成']);
    expect(none.sheets[0]!.cells.map((c) => c.value)).toContain('所有选中的学生都已生成通知书，没有需要补全的内容。');
  });
});
