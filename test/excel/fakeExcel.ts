/**
 * A small Excel behind office-addin-mock's proxies, for testing the Excel host.
 *
 * office-addin-mock gives each proxy Office.js's load semantics (a property reads as an
 * error string until it is loaded and synced). Around it this file adds what the mock
 * lacks: a workbook that methods read from and write to, commands queued in order and
 * applied at context.sync(), errors Excel raises at sync (ItemNotFound, the 5 MB payload
 * limits of Excel on the web), and a count of syncs with the JSON size of what each one
 * sent (values written, arguments) and received (properties loaded).
 */
jest.mock('office-addin-manifest', () => ({
  // office-addin-mock imports only this enum; the real package pulls in ESM-only modules.
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

// A require, not an import: imports run before this file's statements, and the mock above must come first.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OfficeMockObject } = require('office-addin-mock') as typeof import('office-addin-mock');
type OfficeMockObject = InstanceType<typeof OfficeMockObject>;
import { a1, formatRange, parseRange, type RangeRef } from '../../src/core/model/address';
import { jsonBytes, MAX_CELLS_PER_GET, PAYLOAD_LIMIT } from '../../src/excel/payload';
import type { ExcelEnv } from '../../src/excel/env';
import type { CellValue } from '../../src/core/model/cell';
import { readWorkbook } from '../../src/io/xlsx';

type Scalar = string | number | boolean;

export interface FakeRule {
  id: string;
  areas: string[];
  type: string;
  formula: string;
  fill: string;
}

export interface FakeValidation {
  areas: string;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

let nextSheetId = 1;

export class FakeSheet {
  readonly id = `{sheet-${nextSheetId++}}`;
  visibility = 'Visible';
  values: Scalar[][] = [];
  formats: string[][] = [];
  formulas = new Map<string, string>();
  rules: FakeRule[] = [];
  notes = new Map<string, string>();
  validations: FakeValidation[] = [];
  merges: string[] = [];
  /** Formats and layout set through ranges and the sheet: { at: address or '', path, value }. */
  props: { at: string; path: string; value: unknown }[] = [];
  constructor(public name: string) {}

  set(r: number, c: number, v: Scalar, format?: string) {
    (this.values[r] ??= [])[c] = v;
    if (format) (this.formats[r] ??= [])[c] = format;
  }

  get(r: number, c: number): Scalar {
    return this.values[r]?.[c] ?? '';
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }

  /**
   * The bounding box of non-empty cells, as getUsedRange(true) sees it. A plain loop: Excel
   * knows its used range, so the fake must not spend the bench's main-thread time finding it.
   */
  used(): RangeRef | null {
    let top = -1, left = Infinity, bottom = -1, right = -1;
    const rows = this.values;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === '' || v === undefined) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    return top < 0 ? null : { top, left, bottom, right };
  }

  prop(path: string, at?: string): unknown {
    const hits = this.props.filter((p) => p.path === path && (at === undefined || p.at === at));
    return hits[hits.length - 1]?.value;
  }
}

export interface SyncStat {
  request: number;
  response: number;
  failed?: string;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  names: { name: string; formula: string }[] = [];
  syncs: SyncStat[] = [];
  selected: { sheet: string; address: string } | null = null;
  /** When set, insertWorksheetsFromBase64 fails at sync with this code (Excel on the web refuses some files). */
  insertFails: string | null = null;
  /** The sync with this index into `syncs` fails with `code`, whatever it carries. */
  failSync: { index: number; code: string } | null = null;
  /**
   * False: the office.js loaded predates the Note API (npm @microsoft/office-js 1.1.110) while
   * Excel still reports ExcelApi 1.18, so `worksheet.notes` is undefined.
   */
  notesApi = true;
  /**
   * Reads of more cells than this get `values` (and numberFormat) null: "When a get operation
   * using Range.values exceeds the five-million-cell limit, the API doesn't always throw an
   * error. In some cases, Range.values returns null instead" (docs/excel/performance.md).
   * Tests lower it to reproduce the behaviour on small sheets.
   */
  valuesNullOver = MAX_CELLS_PER_GET;
  /** Merged areas past which getMergedAreasOrNullObject fails (its reference remarks: 512). */
  mergeLimit = 512;
  private nextId = 1;

  constructor(public version = '1.18') {}

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  addSheet(name: string, rows: Scalar[][] = [], formats: Record<number, string> = {}): FakeSheet {
    const s = new FakeSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => s.set(r, c, v, formats[c])));
    this.sheets.push(s);
    return s;
  }

  id(): string {
    return `{${this.nextId++}}`;
  }

  /** What insertWorksheetsFromBase64 does: the file's sheets at the end, a taken name becoming "name (2)". */
  insertFile(bytes: Uint8Array): string[] {
    const taken = (n: string) => this.sheets.some((x) => x.name.toLowerCase() === n.toLowerCase());
    return readWorkbook(bytes).sheets.map((g) => {
      let name = g.name;
      for (let i = 2; taken(name); i++) name = `${g.name} (${i})`;
      const s = this.addSheet(name);
      g.rows.forEach((row, r) => row.forEach((v, c) => putValue(s, r, c, v)));
      s.merges = (g.merges ?? []).map(formatRange);
      if (g.hidden) s.visibility = 'Hidden';
      return s.id;
    });
  }

  supports(version: string): boolean {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.version.split('.').map(Number);
    return a! < x! || (a === x && b! <= y!);
  }

  env(): ExcelEnv {
    return {
      run: (batch) => batch(new Context(this) as unknown as Excel.RequestContext),
      supports: (v) => this.supports(v),
    };
  }

  /** Syncs since `from` (an index into this.syncs). */
  since(from: number): SyncStat[] {
    return this.syncs.slice(from);
  }
}

/** A value of the file layer as Excel holds it: dates as serials with a date format, errors as their code. */
function putValue(s: FakeSheet, r: number, c: number, v: CellValue | undefined) {
  if (v === null || v === undefined) return;
  if (typeof v !== 'object') s.set(r, c, v);
  else if (v.t === 'date') s.set(r, c, v.serial, 'yyyy-mm-dd');
  else s.set(r, c, v.code);
}

class ExcelError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Owner =
  | { kind: 'range'; sheet: FakeSheet; ref: RangeRef }
  | { kind: 'areas'; sheet: FakeSheet; address: string }
  | { kind: 'rule'; rule: FakeRule }
  | { kind: 'sheet'; sheet: FakeSheet }
  | { kind: 'none' };

type Entry = { kind: 'set'; owner: Owner; path: string; value: unknown } | { kind: 'op'; bytes: number; apply: () => void };

type Children = Record<string, () => unknown>;

function unescapeText(v: unknown): Scalar {
  if (typeof v === 'string' && v.startsWith("'")) return v.slice(1);
  return v as Scalar;
}

function grid<T>(ref: RangeRef, at: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = ref.top; r <= ref.bottom; r++) {
    const row: T[] = [];
    for (let c = ref.left; c <= ref.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

function splitAreas(address: string): string[] {
  return address.split(',').map((a) => a.trim().replace(/^.*!/, ''));
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A range's values and number formats before a sync builds them (see Context.lazy). */
const PENDING = '<not read yet>';

const HYPERLINK = /^=HYPERLINK\("(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/;

class Context {
  private log: Entry[] = [];
  private loads: { seed: Record<string, unknown>; paths: string[] }[] = [];
  private mocks: OfficeMockObject[] = [];
  private seeds = new WeakMap<object, Record<string, unknown>>();
  /** Range seeds whose values and numberFormat are read from the sheet when a sync answers them (null over valuesNullOver cells). */
  private lazy = new WeakMap<object, { nulled: boolean; build: () => Record<'values' | 'numberFormat', unknown[][]>; built?: Record<'values' | 'numberFormat', unknown[][]> }>();

  private lazyValue(seed: object, key: 'values' | 'numberFormat'): unknown[][] | null {
    const l = this.lazy.get(seed)!;
    if (l.nulled) return null;
    return (l.built ??= l.build())[key];
  }
  readonly workbook: unknown;

  constructor(private readonly book: FakeBook) {
    this.workbook = {
      worksheets: this.worksheets(),
      names: this.make({ items: book.names.map((n) => this.make({ ...n }, { kind: 'none' })), load: this.collectionLoad() }, { kind: 'none' }),
      application: { suspendApiCalculationUntilNextSync: () => this.op(40, () => undefined) },
      getSelectedRange: () => {
        const at = book.selected ?? { sheet: book.sheets[0]!.name, address: 'A1' };
        return this.range(book.sheet(at.sheet), parseRange(at.address)!);
      },
      insertWorksheetsFromBase64: (base64: string) => {
        const result: { value: string[] } = { value: [] };
        this.op(jsonBytes(base64), () => {
          if (book.insertFails) throw new ExcelError(book.insertFails);
          result.value = book.insertFile(new Uint8Array(Buffer.from(base64, 'base64')));
        });
        return result;
      },
    };
  }

  async sync(): Promise<void> {
    const entries = this.log;
    const loads = this.loads;
    this.log = [];
    this.loads = [];
    const request = entries.reduce((n, e) => n + (e.kind === 'set' ? jsonBytes(e.value) : e.bytes), 0);
    const response = loads.reduce((n, l) => n + l.paths.reduce((m, p) => m + this.seedBytes(l.seed, p.split('/')), 0), 0);
    const stat: SyncStat = { request, response };
    this.book.syncs.push(stat);
    const fail = (code: string) => {
      stat.failed = code;
      throw new ExcelError(code);
    };
    if (this.book.failSync?.index === this.book.syncs.length - 1) fail(this.book.failSync.code);
    if (request > PAYLOAD_LIMIT) fail('RequestPayloadSizeLimitExceeded');
    if (response > PAYLOAD_LIMIT) fail('ResponsePayloadSizeLimitExceeded');
    for (const e of entries) {
      try {
        if (e.kind === 'op') e.apply();
        else this.applySet(e.owner, e.path, e.value);
      } catch (err) {
        fail(err instanceof ExcelError ? err.code : 'GeneralException');
      }
    }
    for (const m of this.mocks) await m.sync();
    // office-addin-mock reveals nested properties in promise callbacks it does not await.
    await new Promise((resolve) => setImmediate(resolve));
  }

  // ---- proxies -------------------------------------------------------------------------

  private make(seed: Record<string, unknown>, owner: Owner, children: Children = {}, prefix: string[] = []): any {
    const raw = new OfficeMockObject(seed as never);
    this.mocks.push(raw);
    const proxy = this.track(raw, seed, owner, children, [], prefix);
    this.seeds.set(proxy, seed);
    return proxy;
  }

  /**
   * A proxy that queues property writes (named by their path, e.g. format.fill.color)
   * and records loads. `nav` is the path from the seed's root, `prefix` names the object
   * for writes (a border item writes format.borders.EdgeTop.style).
   */
  private track(raw: any, seed: Record<string, unknown>, owner: Owner, children: Children, nav: string[], prefix: string[]): any {
    const cache: Record<string, unknown> = {};
    const ctx = this;
    const proxy: any = new Proxy(raw, {
      get(t, k) {
        if (typeof k !== 'string') return t[k];
        if (k in children) return (cache[k] ??= children[k]!());
        const v = t[k];
        if (v === PENDING && nav.length === 0 && (k === 'values' || k === 'numberFormat')) return ctx.lazyValue(seed, k);
        if (k === 'load') {
          return (arg: string) => {
            if (!ctx.quiet) ctx.loads.push({ seed: nav.reduce((s: any, p) => s[p], seed), paths: String(arg).split(',').map((p) => p.trim()) });
            v.call(t, arg);
            return proxy;
          };
        }
        if (v instanceof OfficeMockObject) return (cache[k] ??= ctx.track(v, seed, owner, {}, [...nav, k], prefix));
        if (typeof v === 'function') return v.bind(t);
        return v;
      },
      set(t, k, v) {
        // isNullObject is the fake's answer, not something the host writes.
        if (k !== 'isNullObject') ctx.log.push({ kind: 'set', owner, path: [...prefix, ...nav, String(k)].join('.'), value: v });
        t[k] = v;
        return true;
      },
    });
    return proxy;
  }

  private quiet = false;

  /** `items/a/b` loads on a collection reach into each item; office-addin-mock cannot navigate arrays. */
  private collectionLoad() {
    const ctx = this;
    return function (this: any, arg: string) {
      for (const p of String(arg).split(',').map((x) => x.trim())) {
        const [head, ...rest] = p.split('/');
        OfficeMockObject.prototype.load.call(this, head!);
        if (head !== 'items' || rest.length === 0) continue;
        ctx.quiet = true;
        try {
          for (const item of this._properties.get('items')._valueBeforeLoaded) item.load(rest.join('/'));
        } finally {
          ctx.quiet = false;
        }
      }
    };
  }

  private seedBytes(seed: any, path: string[]): number {
    if (seed === undefined) return 0;
    if (path.length === 0) return jsonBytes(seed);
    const [head, ...rest] = path;
    if (rest.length === 0 && (head === 'values' || head === 'numberFormat') && seed[head] === PENDING) return jsonBytes(this.lazyValue(seed, head));
    if (head === 'items') return (seed.items as object[]).reduce((n: number, item) => n + this.seedBytes(this.seeds.get(item), rest), 0);
    return this.seedBytes(seed[head!], rest);
  }

  private op(bytes: number, apply: () => void) {
    this.log.push({ kind: 'op', bytes, apply });
  }

  private fails(code: string) {
    this.op(0, () => {
      throw new ExcelError(code);
    });
  }

  // ---- the object model ---------------------------------------------------------------

  private worksheets() {
    const book = this.book;
    return this.make(
      {
        items: book.sheets.map((s) => this.worksheet(s)),
        load: this.collectionLoad(),
        getItem: (key: string) => {
          const s = book.sheets.find((x) => x.name === key || x.id === key);
          if (!s) this.fails('ItemNotFound');
          return this.worksheet(s ?? new FakeSheet(key));
        },
        getItemOrNullObject: (name: string) => {
          const s = book.sheets.find((x) => x.name === name);
          const ws = this.worksheet(s ?? new FakeSheet(name));
          ws.isNullObject = !s;
          return ws;
        },
        add: (name: string) => {
          const s = new FakeSheet(name);
          this.op(jsonBytes(name), () => {
            if (book.sheets.some((x) => x.name === name)) throw new ExcelError('ItemAlreadyExists');
            book.sheets.push(s);
          });
          return this.worksheet(s);
        },
      },
      { kind: 'none' },
    );
  }

  private worksheet(sheet: FakeSheet) {
    const owner: Owner = { kind: 'sheet', sheet };
    const book = this.book;
    return this.make(
      {
        name: sheet.name,
        visibility: sheet.visibility,
        getUsedRangeOrNullObject: () => {
          const box = sheet.used();
          const r = this.range(sheet, box ?? { top: 0, left: 0, bottom: 0, right: 0 });
          r.isNullObject = box === null;
          return r;
        },
        getRange: (address?: string) => {
          if (address === undefined) return this.range(sheet, { top: 0, left: 0, bottom: 1048575, right: 16383 }, false);
          return this.range(sheet, parseRange(address)!);
        },
        getRangeByIndexes: (r: number, c: number, h: number, w: number) => this.range(sheet, { top: r, left: c, bottom: r + h - 1, right: c + w - 1 }),
        getRanges: (address: string) => this.areas(sheet, address),
        activate: () => this.op(20, () => undefined),
        delete: () =>
          this.op(20, () => {
            book.sheets = book.sheets.filter((s) => s !== sheet);
          }),
      },
      owner,
      {
        ...(book.notesApi ? { notes: () => this.notes(sheet) } : {}),
        freezePanes: () =>
          this.make(
            {
              freezeRows: (n: number) => this.op(20, () => sheet.props.push({ at: '', path: 'freezeRows', value: n })),
              freezeColumns: (n: number) => this.op(20, () => sheet.props.push({ at: '', path: 'freezeColumns', value: n })),
              freezeAt: (r: { address: string }) => this.op(20, () => sheet.props.push({ at: '', path: 'freezeAt', value: r.address })),
            },
            owner,
          ),
        pageLayout: () =>
          this.make({ setPrintTitleRows: (rows: string) => this.op(jsonBytes(rows), () => sheet.props.push({ at: '', path: 'printTitleRows', value: rows })) }, owner, {}, ['pageLayout']),
        horizontalPageBreaks: () => this.make({ add: (a: string) => this.op(jsonBytes(a), () => sheet.props.push({ at: '', path: 'pageBreak', value: a })) }, owner),
      },
    );
  }

  private range(sheet: FakeSheet, ref: RangeRef, withValues = true) {
    const address = `${sheet.name}!${formatRange(ref)}`;
    const owner: Owner = { kind: 'range', sheet, ref };
    const seed: Record<string, unknown> = {
      address,
      rowIndex: ref.top,
      columnIndex: ref.left,
      rowCount: ref.bottom - ref.top + 1,
      columnCount: ref.right - ref.left + 1,
      format: this.formatSeed(owner),
      dataValidation: { clear: () => this.op(20, () => this.clearValidation(sheet, formatRange(ref))) },
      select: () => this.op(20, () => (this.book.selected = { sheet: sheet.name, address: formatRange(ref) })),
      merge: () => this.op(20, () => sheet.merges.push(formatRange(ref))),
      getMergedAreasOrNullObject: () => {
        if (sheet.merges.length > this.book.mergeLimit) this.fails('GeneralException');
        const m = this.make({ address: sheet.merges.map((x) => `${sheet.name}!${x}`).join(', ') }, { kind: 'none' });
        m.isNullObject = sheet.merges.length === 0;
        return m;
      },
    };
    if (withValues) {
      // Built when a sync answers a load, not with every proxy: a used range's proxy costs
      // nothing in Excel. office-addin-mock takes no null seed, so a placeholder stands in.
      seed.values = PENDING;
      seed.numberFormat = PENDING;
      const nulled = (ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > this.book.valuesNullOver;
      this.lazy.set(seed, { nulled, build: () => ({ values: grid(ref, (r, c) => sheet.get(r, c)), numberFormat: grid(ref, (r, c) => sheet.format(r, c)) }) });
    }
    return this.make(seed, owner, { conditionalFormats: () => this.formats(sheet, [formatRange(ref)]) });
  }

  private areas(sheet: FakeSheet, address: string) {
    const owner: Owner = { kind: 'areas', sheet, address };
    return this.make(
      {
        address,
        format: this.formatSeed(owner),
        dataValidation: { clear: () => this.op(20, () => this.clearValidation(sheet, address)) },
      },
      owner,
      { conditionalFormats: () => this.formats(sheet, splitAreas(address)) },
    );
  }

  private formatSeed(owner: Owner) {
    return {
      font: {},
      fill: {},
      borders: { getItem: (edge: string) => this.make({}, owner, {}, ['format', 'borders', edge]) },
    };
  }

  /** The rules touching `areas` (all of the sheet's for its whole range), and add(). */
  private formats(sheet: FakeSheet, areas: string[]) {
    const refs = areas.map((a) => parseRange(a)!);
    const touching = sheet.rules.filter((r) => r.areas.some((a) => refs.some((x) => overlaps(parseRange(a)!, x))));
    return this.make(
      {
        items: touching.map((rule) => this.rule(sheet, rule)),
        load: this.collectionLoad(),
        add: (type: string) => {
          const rule: FakeRule = { id: this.book.id(), areas, type, formula: '', fill: '' };
          this.op(jsonBytes([type, areas.join(',')]), () => sheet.rules.push(rule));
          return this.rule(sheet, rule);
        },
      },
      { kind: 'none' },
    );
  }

  private rule(sheet: FakeSheet, rule: FakeRule) {
    const custom = rule.type === 'Custom';
    const m = this.make(
      {
        id: rule.id,
        type: rule.type,
        customOrNullObject: { rule: { formula: custom ? rule.formula : '' } },
        custom: { rule: {}, format: { fill: {} } },
        delete: () =>
          this.op(20, () => {
            sheet.rules = sheet.rules.filter((r) => r !== rule);
          }),
      },
      { kind: 'rule', rule },
    );
    m.customOrNullObject.isNullObject = !custom;
    return m;
  }

  private notes(sheet: FakeSheet) {
    const note = (address: string, content: string | undefined) => {
      const n = this.make(
        {
          content: content ?? '',
          delete: () =>
            this.op(20, () => {
              sheet.notes.delete(address);
            }),
        },
        { kind: 'none' },
      );
      n.isNullObject = content === undefined;
      return n;
    };
    return this.make(
      {
        items: [...sheet.notes].map(([address, content]) => note(address, content)),
        load: this.collectionLoad(),
        getItemOrNullObject: (address: string) => note(address, sheet.notes.get(address)),
        add: (address: string, content: string) =>
          this.op(jsonBytes([address, content]), () => {
            if (sheet.notes.has(address)) throw new ExcelError('InvalidArgument');
            sheet.notes.set(address, content);
          }),
      },
      { kind: 'none' },
    );
  }

  private clearValidation(sheet: FakeSheet, address: string) {
    sheet.validations = sheet.validations.filter((v) => v.areas !== address);
  }

  // ---- applying queued property writes ----------------------------------------------------

  private applySet(owner: Owner, path: string, value: unknown) {
    if (owner.kind === 'rule') {
      if (path === 'custom.rule.formula') owner.rule.formula = value as string;
      else if (path === 'custom.format.fill.color') owner.rule.fill = value as string;
      return;
    }
    if (owner.kind === 'sheet') {
      if (path === 'visibility') owner.sheet.visibility = value as string;
      else owner.sheet.props.push({ at: '', path, value });
      return;
    }
    if (owner.kind === 'none') return;
    const at = owner.kind === 'range' ? formatRange(owner.ref) : owner.address;
    if (path.startsWith('dataValidation.')) {
      const key = path.slice('dataValidation.'.length) as 'rule' | 'errorAlert' | 'prompt';
      let v = owner.sheet.validations.find((x) => x.areas === at);
      if (!v) owner.sheet.validations.push((v = { areas: at }));
      v[key] = value;
      return;
    }
    if (owner.kind === 'range' && ['values', 'formulas', 'numberFormat'].includes(path)) {
      const rows = value as unknown[][];
      rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const r = owner.ref.top + i;
          const c = owner.ref.left + j;
          if (path === 'numberFormat') (owner.sheet.formats[r] ??= [])[c] = v as string;
          else if (path === 'formulas' && typeof v === 'string' && v.startsWith('=')) {
            owner.sheet.formulas.set(a1(r, c), v);
            owner.sheet.set(r, c, (HYPERLINK.exec(v)?.[1] ?? '').replace(/""/g, '"'));
          } else owner.sheet.set(r, c, unescapeText(v));
        }),
      );
      return;
    }
    owner.sheet.props.push({ at, path, value });
  }
}
