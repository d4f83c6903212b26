import type { SheetGrid, WorkbookGrid } from '../core/model/workbook';
import type { CheckOptions, CheckReport } from '../core/check';
import type { Finding, Severity } from '../core/model/finding';
import type { MarkResult, WorkbookHost } from '../host/types';
import type { CellSpec, SheetSpec, ValidationSpec, WorkbookSpec } from '../io/xlsx/spec';
import type { MergeFilesOptions, MergeOutcome, SchoolFile, TotalsOutput, TotalsTrace } from '../pane/services';
import type { Channel } from './channel';
import type { GridRef } from './protocol';
import type { SheetInfo } from './workbookFile';
import { markedCells } from './marks';
import { checkedName } from './checkedName';

export interface Selection {
  sheet: string;
  cell: string;
}

type Listener<T> = (value: T) => void;

/**
 * The workbook a user opened in the browser page. The file itself lives in the page's worker
 * (the file layer reads, edits and writes it there); this side keeps what the page shows:
 * the file's name, the cells marked, the cell a finding points at.
 */
export class BrowserHost implements WorkbookHost {
  private name: string | null = null;
  private lastRead: { id: number; grid: WorkbookGrid } | null = null;
  private marks = new Map<string, Map<string, Severity>>();
  private selection: Selection | null = null;
  private dirty = false;
  private edited = false;
  private readonly pickListeners = new Set<Listener<Selection>>();
  private readonly changeListeners = new Set<Listener<void>>();
  private readonly selectListeners = new Set<Listener<Selection>>();

  constructor(private readonly channel: Channel) {}

  get fileName(): string | null {
    return this.name;
  }

  /** Opens a workbook from its bytes (the bytes are handed over to the worker). */
  async open(bytes: Uint8Array, fileName: string): Promise<SheetInfo[]> {
    const sheets = await this.channel.call('open', [bytes], [bytes.buffer]);
    this.name = fileName;
    this.edited = false;
    this.lastRead = null;
    this.marks = new Map();
    const first = sheets.find((s) => !s.hidden) ?? sheets[0];
    this.selection = first ? { sheet: first.name, cell: 'A1' } : null;
    return sheets;
  }

  /** The workbook as it stands now, with the name of the checked copy. */
  async save(): Promise<{ bytes: Uint8Array; name: string }> {
    const bytes = await this.channel.call('save', []);
    this.edited = false;
    return { bytes, name: checkedName(this.name ?? '') };
  }

  sheets(): Promise<SheetInfo[]> {
    return this.channel.call('sheets', []);
  }

  async listSheets(): Promise<string[]> {
    return (await this.sheets()).map((s) => s.name);
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    this.lastRead = await this.channel.call('readWorkbook', []);
    return this.lastRead.grid;
  }

  readSheet(name: string): Promise<SheetGrid> {
    return this.channel.call('readSheet', [name]);
  }

  /** The pane's check, run in the worker on the grid it read last. */
  check(grid: WorkbookGrid, opts: CheckOptions = {}): Promise<CheckReport> {
    return this.channel.call('check', [this.refOf(grid), opts]);
  }

  /** The pane's 填写汇总 plan, computed in the worker. */
  fillTotals(grid: WorkbookGrid): Promise<TotalsOutput[]> {
    return this.channel.call('fillTotals', [this.refOf(grid)]);
  }

  /** The pane's 追溯汇总数, in the worker. */
  traceTotals(grid: WorkbookGrid, sheet: string, a1: string): Promise<TotalsTrace | null> {
    return this.channel.call('traceTotals', [this.refOf(grid), sheet, a1]);
  }

  /** The pane's 合并工作簿: the schools' files are read and merged in the worker. */
  async mergeFiles(files: readonly SchoolFile[], opts: MergeFilesOptions = {}): Promise<MergeOutcome> {
    return await this.channel.call('mergeFiles', [files, opts]);
  }

  /** A new workbook's bytes (the county's merged one), written in the worker. */
  createWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
    return this.channel.call('createWorkbook', [spec]);
  }

  async markFindings(findings: readonly Finding[]): Promise<MarkResult> {
    const result = await this.edit(this.channel.call('markFindings', [findings]));
    this.marks = markedCells(findings);
    return result;
  }

  async clearMarks(): Promise<void> {
    await this.edit(this.channel.call('clearMarks', []));
    this.marks = new Map();
  }

  writeCells(sheet: string, cells: readonly CellSpec[]): Promise<void> {
    return this.edit(this.channel.call('writeCells', [sheet, cells]));
  }

  addSheet(spec: SheetSpec): Promise<void> {
    return this.edit(this.channel.call('addSheet', [spec]));
  }

  repairValidations(sheet: string, validations: readonly ValidationSpec[]): Promise<void> {
    return this.edit(this.channel.call('repairValidations', [sheet, validations]));
  }

  /** The page's grid view shows the cell and scrolls to it; a file has no selection of its own. */
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selection = { sheet, cell };
    for (const l of this.selectListeners) l({ sheet, cell });
  }

  /** Whether the workbook was changed since it was opened or last saved. */
  get unsaved(): boolean {
    return this.edited;
  }

  /** The cell the user picked in the grid view (or a tab's A1), what 追溯汇总数 traces and the pane explains. */
  choose(sheet: string, cell: string): void {
    this.selection = { sheet, cell };
    for (const l of this.pickListeners) l({ sheet, cell });
  }

  onPick(listener: Listener<Selection>): () => void {
    this.pickListeners.add(listener);
    return () => this.pickListeners.delete(listener);
  }

  async getSelection(): Promise<{ sheet: string; a1: string }> {
    if (!this.selection) throw new Error('no workbook is open');
    return { sheet: this.selection.sheet, a1: this.selection.cell };
  }

  /** Cells marked by the last 标记错误 (this session), by address. */
  marksOf(sheet: string): ReadonlyMap<string, Severity> {
    return this.marks.get(sheet) ?? new Map();
  }

  /** Hears about edits once the pane's action is over (no call waiting), not after each step of it. */
  onChange(listener: Listener<void>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSelect(listener: Listener<Selection>): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  private refOf(grid: WorkbookGrid): GridRef {
    return this.lastRead?.grid === grid ? this.lastRead.id : grid;
  }

  private async edit<T>(call: Promise<T>): Promise<T> {
    this.lastRead = null;
    try {
      return await call;
    } finally {
      this.dirty = true;
      this.edited = true;
      this.scheduleNotice();
    }
  }

  /** After the pane has asked for its next step, if any: one notice per action, once the worker is done. */
  private scheduleNotice(): void {
    setTimeout(() => {
      if (!this.dirty) return;
      if (!this.channel.idle) {
        void this.channel.whenIdle().then(() => this.scheduleNotice());
        return;
      }
      this.dirty = false;
      for (const l of this.changeListeners) l();
    }, 0);
  }
}
