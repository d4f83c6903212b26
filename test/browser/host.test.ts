import { repairPlan } from '../../src/pane/repairPlan';
import { a1 } from '../../src/core/model/address';
import fs from 'node:fs';
import path from 'node:path';
import { BrowserHost } from '../../src/browser/host';
import { portChannel, type Port } from '../../src/browser/channel';
import { answer, createWorkerApi } from '../../src/browser/workerApi';
import { checkedName } from '../../src/browser/checkedName';
import type { Reply, Request, Stage } from '../../src/browser/protocol';
import { checkWorkbook, repairDropdowns, writeTotals } from '../../src/pane/actions';
import type { PaneServices } from '../../src/pane/services';
import { checkWorkbook as coreCheck } from '../../src/core/check';
import { readWorkbook } from '../../src/io/xlsx';
import { cellText } from '../../src/core/model/cell';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'samples');
const KEY = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'key.json'), 'utf8'));
const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));
const TODAY = '2026-03-18';

/**
 * The worker's code on this thread: requests and answers are structured-cloned and answered
 * later, as a real worker would; every request is kept for the assertions.
 */
class InProcessPort implements Port {
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly requests: Request[] = [];
  private current = 0;
  private queue = Promise.resolve();
  private readonly api = createWorkerApi((stage: Stage) => this.deliver({ kind: 'progress', id: this.current, stage }));

  postMessage(message: Request): void {
    const request = structuredClone(message);
    this.requests.push(request);
    this.queue = this.queue
      .then(() => new Promise((r) => setTimeout(r, 0)))
      .then(() => {
        this.current = request.id;
        return answer(this.api, request, (reply) => this.deliver(reply));
      });
  }

  private deliver(reply: Reply): void {
    const copy = structuredClone(reply);
    setTimeout(() => this.onmessage?.({ data: copy } as MessageEvent<Reply>), 0);
  }
}

function setup() {
  const port = new InProcessPort();
  const stages: (Stage | null)[] = [];
  const host = new BrowserHost(portChannel(() => port, (s) => stages.push(s)));
  const services: PaneServices = { host, check: (g, o) => host.check(g, o), fillTotals: (g) => host.fillTotals(g), today: () => TODAY };
  return { port, host, services, stages };
}

describe('BrowserHost over the worker protocol', () => {
  it('checks in the worker on the grid it read, sending the grid back by id only', async () => {
    const { port, host, services, stages } = setup();
    await host.open(sample('wafangdian.xlsx'), 'wafangdian.xlsx');
    const { report } = await checkWorkbook(services);
    const direct = coreCheck(readWorkbook(sample('wafangdian.xlsx')), { referenceDate: TODAY });
    expect(report).toEqual(direct);
    expect(port.requests.find((r) => r.op === 'check')?.args[0]).toBe(1);
    expect(stages).toEqual(['unzip', null, 'read', null, 'check', null]);
  });

  it('fills the totals, tells the page once, and saves a copy with the key figures and the detail sheet unchanged', async () => {
    const { host, services } = setup();
    const changes: number[] = [];
    host.onChange(() => changes.push(Date.now()));
    await host.open(sample('wafangdian.xlsx'), '瓦房店市附件4.xlsx');
    expect(await writeTotals(host, services.fillTotals!)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(changes).toHaveLength(1);

    const saved = await host.save();
    expect(saved.name).toBe('瓦房店市附件4（已检查）.xlsx');
    const grid = readWorkbook(saved.bytes);
    const fj5 = grid.sheets.find((s) => s.name === '附件5')!.rows;
    const want = KEY['wafangdian.xlsx'].totals.rows['瓦房店市'];
    const ids = ['all', ...'ABCDEFGHIJKLM'.split(''), 'ret'];
    expect(fj5[3]!.slice(2, 17)).toEqual(ids.map((id) => want[id]));
    expect(fj5[4]!.slice(2, 17)).toEqual(ids.map((id) => KEY['wafangdian.xlsx'].totals.rows['总计'][id]));
    const before = readWorkbook(sample('wafangdian.xlsx')).sheets.find((s) => s.name === '附件4');
    expect(grid.sheets.find((s) => s.name === '附件4')).toEqual(before);
  });

  it('marks the findings, remembers them for the grid view, and clears them', async () => {
    const { host, services } = setup();
    await host.open(sample('dropout_ledger.xlsx'), 'ledger.xlsx');
    const { report } = await checkWorkbook(services);
    const result = await host.markFindings(report.findings);
    const cells = new Set(report.findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(result).toEqual({ cells: cells.size, notes: cells.size, withoutNote: 0 });
    const first = report.findings.find((f) => f.severity === 'error')!;
    expect(host.marksOf(first.sheet).get(first.cell)).toBe('error');
    await host.clearMarks();
    expect(host.marksOf(first.sheet).size).toBe(0);
    // Marking and clearing leave every value as it was.
    expect(readWorkbook((await host.save()).bytes)).toEqual(readWorkbook(sample('dropout_ledger.xlsx')));
  });

  it('puts the official dropdown on every category column, replacing what was there', async () => {
    const { host } = setup();
    await host.open(sample('wafangdian.xlsx'), 'a.xlsx');
    const n = await repairDropdowns(host);
    const rules = readWorkbook((await host.save()).bytes).sheets.find((s) => s.name === '附件4')!.validations!;
    // The dropdown ranges, then each misspelt item set to the list's wording (category.misspelt).
    const misspelt = repairPlan(readWorkbook(sample('wafangdian.xlsx'))).flatMap((p) => p.values.map((c) => a1(c.row, c.col)));
    expect(n.flatMap((c) => c.ranges).sort()).toEqual(['F3:F152', 'I3:I152', 'J3:J152', ...misspelt].sort());
    expect(rules.filter((r) => r.type === 'list').map((r) => r.sqref).sort()).toEqual(['F3:F152', 'I3:I152', 'J3:J152']);
  });

  it('says which cell to show when the pane selects one', async () => {
    const { host } = setup();
    const seen: string[] = [];
    host.onSelect(({ sheet, cell }) => seen.push(`${sheet}!${cell}`));
    await host.selectCell('附件4', 'G22');
    expect(seen).toEqual(['附件4!G22']);
  });

  it('rejects a file that is not a workbook with the file layer’s Chinese message', async () => {
    const { host } = setup();
    const error = await host.open(new TextEncoder().encode('not a workbook'), 'x.xlsx').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('XlsxError');
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads the sheet the grid view shows', async () => {
    const { host } = setup();
    await host.open(sample('ganxian.xlsx'), 'g.xlsx');
    const sheets = await host.sheets();
    const grid = await host.readSheet(sheets[0]!.name);
    expect(cellText(grid.rows[0]?.[0])).not.toBe('');
    expect(grid).toEqual(readWorkbook(sample('ganxian.xlsx')).sheets[0]);
  });
});

describe('checkedName', () => {
  it.each([
    ['瓦房店市附件4.xlsx', '瓦房店市附件4（已检查）.xlsx'],
    ['瓦房店市附件4（已检查）.xlsx', '瓦房店市附件4（已检查）.xlsx'],
    ['宏.XLSM', '宏（已检查）.xlsm'],
    ['无扩展名', '无扩展名（已检查）.xlsx'],
  ])('%s → %s', (name, want) => expect(checkedName(name)).toBe(want));
});
