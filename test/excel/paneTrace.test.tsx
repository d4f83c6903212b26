import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellValue } from '../../src/core/model/cell';
import type { WorkbookGrid } from '../../src/core/model/workbook';
import { columnLetter } from '../../src/core/model/address';
import { checkWorkbook } from '../../src/core/check';
import { traceTotals } from '../../src/pane/trace';
import { hasSelection, traceFinding, traceSelection, type SelectingHost } from '../../src/pane/traceAction';
import { TracePanel } from '../../src/pane/TracePanel';
import { Pane } from '../../src/pane/Pane';
import { Report } from '../../src/pane/Report';
import type { TotalsTrace } from '../../src/pane/services';
import { ui } from '../../src/i18n/zh-CN/ui';
import { workbook } from '../helpers/grid';
import { WAFANGDIAN_HEADER, wafangdianRow, wafangdianSheet } from '../core/rules/fixtures';
import { figuresRow, totalsSheet } from '../core/totals/fixtures';
import { StubHost } from './stubHost';

/** Two K类 (rows 3 and 4 of 附件4) and one A类 (row 5), all in 大连市/瓦房店市. */
const details = () => [
  wafangdianRow(1, { checkResult: 'K.打工务农', returnStatus: '是' }),
  wafangdianRow(2, { checkResult: 'K.打工务农', returnStatus: '否' }),
  wafangdianRow(3, { checkResult: 'A.户籍原因', returnStatus: '无' }),
];

/** 附件5 with its body row at Excel row 4 and 总计 at row 5; `k` goes into K类 (column N). */
function grid(k: number): WorkbookGrid {
  const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'].map((l) => (l === 'A' ? 1 : l === 'K' ? k : 0));
  const body = figuresRow('大连市', '瓦房店市', 3, letters, 1);
  const total: CellValue[] = ['总计', null, ...body.slice(2)];
  return workbook(wafangdianSheet(details()), totalsSheet([body, total]));
}

/** Column letter of a 附件4 header, so the expectations follow the fixture. */
const detailColumn = (label: string) => columnLetter(WAFANGDIAN_HEADER.findIndex((h) => h.startsWith(label)));

function selecting(host: StubHost): SelectingHost {
  if (!hasSelection(host)) throw new Error('the stub was made without a selection');
  return host;
}

const render = (node: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('tracing a totals figure', () => {
  it('lists the detail rows a category figure counts, each at its category cell', () => {
    const check = detailColumn('核查结果');
    expect(traceTotals(grid(2), '附件5', 'N4')).toEqual({
      label: ui.trace.label('大连市/瓦房店市', 'K类'),
      value: 2,
      rows: [
        { sheet: '附件4', row: 3, cell: `${check}3` },
        { sheet: '附件4', row: 4, cell: `${check}4` },
      ],
    });
  });

  it('traces the 总计 of 疑似失学儿童合计 to every counted row, at its 地市 cell', () => {
    const t = traceTotals(grid(2), '附件5', 'C5');
    expect(t?.label).toBe(ui.trace.label('总计', '疑似失学儿童合计'));
    expect(t?.value).toBe(3);
    expect(t?.rows.map((r) => r.cell)).toEqual([3, 4, 5].map((r) => `${detailColumn('地市')}${r}`));
  });

  it('gives nothing for a cell that is not a figure, a sheet without totals, or totals without details', () => {
    expect(traceTotals(grid(2), '附件5', 'A4')).toBeNull();
    expect(traceTotals(grid(2), '附件5', 'N9')).toBeNull();
    expect(traceTotals(grid(2), '附件4', 'I3')).toBeNull();
    expect(traceTotals(grid(2), '附件5', '不是地址')).toBeNull();
    const alone = { sheets: grid(2).sheets.filter((s) => s.name === '附件5') };
    expect(traceTotals(alone, '附件5', 'N4')).toBeNull();
  });

  it('from a totals.mismatch finding, the figure is the right value the finding names', async () => {
    const g = grid(5);
    const report = checkWorkbook(g, { referenceDate: '2019-03-01' });
    const wrong = report.findings.find((f) => f.rule === 'totals.mismatch');
    expect(wrong?.cell).toBe('N4');
    const host = new StubHost(g);
    const at = await traceFinding(g, wrong!, traceTotals);
    expect(at.trace?.value).toBe(2);
    expect(wrong!.message).toContain(`应为 ${at.trace!.value}`);
    expect(host.calls).toEqual([]); // the checked grid: nothing read again
  });

  it('from the selection, reads the workbook as it is now', async () => {
    const host = new StubHost(grid(2), { sheet: '附件5', a1: 'N4' });
    const at = await traceSelection(selecting(host), traceTotals);
    expect(host.calls).toEqual(['getSelection', 'readWorkbook']);
    expect(at).toMatchObject({ sheet: '附件5', a1: 'N4', trace: { value: 2 } });
    const elsewhere = new StubHost(grid(2), { sheet: '附件4', a1: 'B3' });
    expect((await traceSelection(selecting(elsewhere), traceTotals)).trace).toBeNull();
  });
});

describe('the trace in the pane', () => {
  const trace: TotalsTrace = {
    label: ui.trace.label('大连市/瓦房店市', 'K类'),
    value: 70,
    rows: Array.from({ length: 70 }, (_, i) => ({ sheet: '附件4', row: i + 3, cell: `I${i + 3}` })),
  };

  it('shows the figure and the rows, each a link to its cell, a page at a time', () => {
    const html = render(<TracePanel trace={trace} onSelect={() => undefined} onClose={() => undefined} />);
    const t = text(html);
    expect(t).toContain(trace.label);
    expect(t).toContain(ui.trace.figure(70));
    expect(t).toContain(ui.trace.rowsCaption('附件4', 70));
    expect(t).toContain(ui.trace.row(3, 'I3'));
    const links = [...html.matchAll(/<button[^>]*data-sheet="附件4" data-cell="(I\d+)"/g)].map((m) => m[1]);
    expect(links).toEqual(trace.rows.slice(0, links.length).map((r) => r.cell));
    expect(links.length).toBeLessThan(70);
    expect(t).toContain(ui.actions.showMore(70 - links.length));
  });

  it('says so when no row counts', () => {
    const t = text(render(<TracePanel trace={{ ...trace, value: 0, rows: [] }} onSelect={() => undefined} onClose={() => undefined} />));
    expect(t).toContain(ui.trace.noRows);
  });

  it('offers 追溯汇总数 where the host has a selection and the services trace', () => {
    const withSelection = new StubHost(grid(2), { sheet: '附件5', a1: 'N4' });
    expect(text(render(<Pane services={{ host: withSelection, check: checkWorkbook, traceTotals }} />))).toContain(ui.actions.trace);
    expect(text(render(<Pane services={{ host: withSelection, check: checkWorkbook }} />))).not.toContain(ui.actions.trace);
    expect(text(render(<Pane services={{ host: new StubHost(grid(2)), check: checkWorkbook, traceTotals }} />))).not.toContain(ui.actions.trace);
  });

  it('puts 查看明细 under a wrong totals figure only, when the pane can trace', () => {
    const g = grid(5);
    g.sheets[0]!.rows[2]![WAFANGDIAN_HEADER.indexOf('性别')] = null; // a finding of another rule
    const report = checkWorkbook(g, { referenceDate: '2019-03-01' });
    expect(report.findings.some((f) => f.rule !== 'totals.mismatch')).toBe(true);
    const mismatches = report.findings.filter((f) => f.rule === 'totals.mismatch').length;
    const count = (html: string) => text(html).split(ui.actions.traceFinding).length - 1;
    expect(count(render(<Report report={report} hidden={() => false} onSelect={() => undefined} onTrace={() => undefined} />))).toBe(mismatches);
    expect(count(render(<Report report={report} hidden={() => false} onSelect={() => undefined} />))).toBe(0);
  });
});
