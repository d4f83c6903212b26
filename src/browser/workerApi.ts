import type { WorkbookGrid } from '../core/model/workbook';
import { checkWorkbook } from '../core/check';
import { createWorkbook, openPackage } from '../io/xlsx';
import { fillTotals } from '../pane/fillTotals';
import { traceTotals } from '../pane/trace';
import { mergeFiles } from '../pane/mergeFiles';
import type { GridRef, Reply, Request, Stage, WorkerApi } from './protocol';
import { WorkbookFile } from './workbookFile';

/** The worker's side: one open workbook file and the last grid read from it. */
export function createWorkerApi(progress: (stage: Stage) => void): WorkerApi {
  let file: WorkbookFile | null = null;
  let last: { id: number; grid: WorkbookGrid } | null = null;
  let nextId = 1;
  let incoming: WorkbookGrid | null = null;

  const open = (): WorkbookFile => {
    if (!file) throw new Error('no workbook is open');
    return file;
  };
  const gridOf = (ref: GridRef): WorkbookGrid => {
    if (typeof ref !== 'number') return ref;
    if (last?.id !== ref) throw new Error(`grid ${ref} is no longer held`);
    return last.grid;
  };
  /** Every edit makes the held grid stale. */
  const edit = (change: (f: WorkbookFile) => void): void => {
    progress('write');
    change(open());
    last = null;
  };

  return {
    open(bytes) {
      progress('unzip');
      file = new WorkbookFile(openPackage(bytes));
      last = null;
      return file.sheets();
    },
    sheets: () => open().sheets(),
    readWorkbook() {
      progress('read');
      last = { id: nextId++, grid: open().readWorkbook() };
      return last;
    },
    readSheet(name) {
      progress('read');
      return open().readSheet(name);
    },
    beginGrid(skeleton) {
      incoming = skeleton;
    },
    appendRows(sheet, rows) {
      const target = incoming?.sheets[sheet];
      if (!target) throw new Error('no grid is being sent');
      for (const row of rows) target.rows.push(row);
    },
    endGrid() {
      if (!incoming) throw new Error('no grid is being sent');
      last = { id: nextId++, grid: incoming };
      incoming = null;
      return last.id;
    },
    check(ref, opts) {
      progress('check');
      return checkWorkbook(gridOf(ref), opts);
    },
    fillTotals(ref) {
      progress('totals');
      return fillTotals(gridOf(ref));
    },
    traceTotals(ref, sheet, a1) {
      progress('totals');
      return traceTotals(gridOf(ref), sheet, a1);
    },
    mergeFiles(files, opts) {
      progress('merge');
      return mergeFiles(files, opts);
    },
    createWorkbook(spec) {
      progress('save');
      return createWorkbook(spec);
    },
    markFindings(findings) {
      progress('write');
      return open().markFindings(findings);
    },
    clearMarks: () => edit((f) => f.clearMarks()),
    writeCells: (sheet, cells) => edit((f) => f.writeCells(sheet, cells)),
    addSheet: (spec) => edit((f) => f.addSheet(spec)),
    repairValidations: (sheet, validations) => edit((f) => f.repairValidations(sheet, validations)),
    save() {
      progress('save');
      return open().toBytes();
    },
  };
}

/**
 * Runs one request and posts its answer: the value (bytes transferred, not copied) or the
 * error's name and message. Requests are answered one after another, in order.
 */
export async function answer(api: WorkerApi, request: Request, post: (reply: Reply, transfer: Transferable[]) => void): Promise<void> {
  try {
    const call = api[request.op] as (...args: unknown[]) => unknown;
    const value = await call(...(request.args as unknown[]));
    post({ kind: 'done', id: request.id, value }, value instanceof Uint8Array ? [value.buffer as ArrayBuffer] : []);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post({ kind: 'failed', id: request.id, name: error.name, message: error.message }, []);
  }
}
