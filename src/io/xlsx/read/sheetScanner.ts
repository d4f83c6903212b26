import type { CellValue } from '../../../core/model/cell';
import { a1 } from '../../../core/model/address';
import { XlsxError } from '../errors';
import { decodeXstring, textOfRuns } from '../xml';
import { ascii, digitsAt, findByte, indexOfSeq, numberAt, startsWithAt, utf8 } from './bytes';
import { rootPrefix } from './prefix';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** Days between the 1904 and 1900 date systems' day zero. */
const DAYS_1904 = 1462;

export interface ScanContext {
  sheetName: string;
  sharedStrings: readonly string[];
  dateXfs: readonly boolean[];
  date1904: boolean;
  /** Ceiling on grid cells (padding included) so a crafted sheet cannot exhaust memory. */
  maxCells: number;
}

export interface ScannedSheet {
  rows: CellValue[][];
  hiddenRows: number[];
  uncachedFormulas: string[];
  /** The XML after </sheetData> (merges, validations, extLst), decoded. */
  tail: string;
}

/** Cell types (the t attribute), as small integers for the hot loop. */
const enum T {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** The tag names this scanner looks for, as bytes, with the part's namespace prefix. */
class Names {
  readonly row: Uint8Array;
  readonly rowClose: Uint8Array;
  readonly c: Uint8Array;
  readonly cClose: Uint8Array;
  readonly v: Uint8Array;
  readonly f: Uint8Array;
  readonly fClose: Uint8Array;
  readonly is: Uint8Array;
  readonly isClose: Uint8Array;
  readonly t: Uint8Array;
  readonly tClose: Uint8Array;
  readonly dataClose: Uint8Array;

  constructor(p: string) {
    this.row = ascii(`<${p}row`);
    this.rowClose = ascii(`</${p}row>`);
    this.c = ascii(`<${p}c`);
    this.cClose = ascii(`</${p}c>`);
    this.v = ascii(`<${p}v`);
    this.f = ascii(`<${p}f`);
    this.fClose = ascii(`</${p}f>`);
    this.is = ascii(`<${p}is`);
    this.isClose = ascii(`</${p}is>`);
    this.t = ascii(`<${p}t`);
    this.tClose = ascii(`</${p}t>`);
    this.dataClose = ascii(`</${p}sheetData`);
  }
}

/**
 * A sequential tokenizer over the UTF-8 bytes of <sheetData>. OOXML fixes the order of a
 * cell's children (f, v, is), so each step only looks at the next tag: nothing scans ahead
 * into other cells, numbers are read from the bytes, and only text values are decoded.
 */
class Scanner {
  private pos: number;
  // Attributes of the last tag read: fields, not an object per cell.
  private aRow = -1;
  private aCol = -1;
  private aStyle = -1;
  private aType = T.Number;
  private aHidden = false;

  readonly rows: CellValue[][] = [];
  readonly hiddenRows: number[] = [];
  readonly uncached: string[] = [];
  private cells = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly n: Names,
    private readonly ctx: ScanContext,
  ) {
    this.pos = 0;
  }

  /** Reads the <sheetData> tag whose name ends at `at` and its rows; returns where the tail starts. */
  scan(at: number): number {
    return this.readTag(at) ? this.pos : this.run();
  }

  /** Whether element `open` starts at `at` (and is not a longer name such as <cols>). */
  private at(open: Uint8Array, at: number): boolean {
    if (!startsWithAt(this.b, open, at)) return false;
    const ch = this.b[at + open.length]!;
    return ch === GT || ch === SLASH || isSpace(ch);
  }

  private fail(): never {
    throw new XlsxError('corrupt');
  }

  /** Runs to </sheetData>; returns its offset. */
  private run(): number {
    const b = this.b;
    const n = this.n;
    let rowIndex = -1;
    let col = -1;
    for (;;) {
      const lt = findByte(b, LT, this.pos);
      if (lt < 0) return b.length;
      this.pos = lt;
      if (this.at(n.c, lt)) {
        col = this.cell(rowIndex, col);
      } else if (this.at(n.row, lt)) {
        const selfClosing = this.readTag(lt + n.row.length);
        rowIndex = this.aRow >= 0 ? this.aRow : rowIndex + 1;
        col = -1;
        if (rowIndex >= MAX_ROWS) this.fail();
        if (this.aHidden) this.hiddenRows.push(rowIndex);
        while (this.rows.length <= rowIndex) this.rows.push([]);
        if (selfClosing) continue;
      } else if (startsWithAt(b, n.rowClose, lt)) {
        this.pos = lt + n.rowClose.length;
      } else if (startsWithAt(b, n.dataClose, lt)) {
        return lt;
      } else {
        this.skipElement(lt);
      }
    }
  }

  /** Steps over an element this reader does not use (extLst in a row, comments, …). */
  private skipElement(lt: number): void {
    const b = this.b;
    if (b[lt + 1] === 33 /* ! */) {
      const end = indexOfSeq(b, ascii('-->'), lt);
      this.pos = end < 0 ? b.length : end + 3;
      return;
    }
    if (b[lt + 1] === SLASH) {
      this.pos = lt + 2;
      return;
    }
    let k = lt + 1;
    while (k < b.length && !isSpace(b[k]!) && b[k] !== GT && b[k] !== SLASH) k++;
    const name = b.subarray(lt + 1, k);
    if (this.readTag(k)) return;
    const close = indexOfSeq(b, ascii(`</${utf8(name, 0, name.length)}>`), this.pos);
    this.pos = close < 0 ? b.length : close;
  }

  private skipSpace(p: number): number {
    const b = this.b;
    while (isSpace(b[p]!)) p++;
    return p;
  }

  /** Reads one <c>; returns its column. */
  private cell(rowIndex: number, prevCol: number): number {
    const b = this.b;
    const n = this.n;
    const selfClosing = this.readTag(this.pos + n.c.length);
    const col = this.aCol >= 0 ? this.aCol : prevCol + 1;
    if (col >= MAX_COLS || rowIndex < 0) this.fail();
    if (selfClosing) return col;
    const type = this.aType;
    const style = this.aStyle;

    let p = this.skipSpace(this.pos);
    let hasFormula = false;
    if (this.at(n.f, p)) {
      hasFormula = true;
      if (this.readTag(p + n.f.length)) p = this.pos;
      else {
        const close = indexOfSeq(b, n.fClose, this.pos);
        if (close < 0) this.fail();
        p = close + n.fClose.length;
      }
      p = this.skipSpace(p);
    }
    let vFrom = -1;
    let vTo = -1;
    if (this.at(n.v, p)) {
      if (this.readTag(p + n.v.length)) {
        vFrom = vTo = this.pos;
        p = this.pos;
      } else {
        vFrom = this.pos;
        vTo = findByte(b, LT, vFrom);
        if (vTo < 0) this.fail();
        p = findByte(b, GT, vTo) + 1;
      }
      p = this.skipSpace(p);
    }
    let value: CellValue = null;
    if (type === T.Inline && this.at(n.is, p)) {
      value = this.inlineString(p);
      p = this.pos;
    } else if (vFrom >= 0 && (vTo > vFrom || type === T.Str || type === T.Inline)) {
      value = this.convert(vFrom, vTo, type, style);
    } else if (hasFormula) {
      this.uncached.push(a1(rowIndex, col));
    }
    const close = startsWithAt(b, n.cClose, p) ? p : indexOfSeq(b, n.cClose, p);
    if (close < 0) this.fail();
    this.pos = close + n.cClose.length;
    if (value !== null) this.put(rowIndex, col, value);
    return col;
  }

  /** <is><t>text</t></is> directly; rich text runs through the general reader. Leaves pos after </is>. */
  private inlineString(p: number): string {
    const b = this.b;
    const n = this.n;
    if (!this.readTag(p + n.is.length)) {
      const q = this.pos;
      if (this.at(n.t, q) && !this.readTag(q + n.t.length)) {
        const from = this.pos;
        const to = findByte(b, LT, from);
        if (to >= 0 && startsWithAt(b, n.tClose, to) && startsWithAt(b, n.isClose, to + n.tClose.length)) {
          this.pos = to + n.tClose.length + n.isClose.length;
          return decodeXstring(utf8(b, from, to));
        }
      }
    } else {
      return '';
    }
    const end = indexOfSeq(b, n.isClose, p);
    if (end < 0) this.fail();
    this.pos = end + n.isClose.length;
    return textOfRuns(utf8(b, p, end));
  }

  private put(rowIndex: number, col: number, value: CellValue): void {
    const row = this.rows[rowIndex]!;
    if (col >= row.length) {
      this.cells += col + 1 - row.length;
      if (this.cells > this.ctx.maxCells) {
        throw new XlsxError('too-large', { sheet: this.ctx.sheetName, limit: this.ctx.maxCells });
      }
      while (row.length < col) row.push(null);
    }
    row[col] = value;
  }

  private convert(from: number, to: number, type: T, style: number): CellValue {
    const b = this.b;
    switch (type) {
      case T.Shared:
        return this.ctx.sharedStrings[digitsAt(b, from, to)] ?? null;
      case T.Str:
      case T.Inline:
        return decodeXstring(utf8(b, from, to));
      case T.Bool:
        return b[from] === 49 /* 1 */ || b[from] === 116 /* t */;
      case T.Error:
        return { t: 'error', code: decodeXstring(utf8(b, from, to)) };
      case T.Date:
        return isoSerial(utf8(b, from, to));
      default: {
        const num = numberAt(b, from, to);
        if (Number.isNaN(num)) return decodeXstring(utf8(b, from, to));
        if (style >= 0 && this.ctx.dateXfs[style]) {
          return { t: 'date', serial: this.ctx.date1904 ? num + DAYS_1904 : num };
        }
        return num;
      }
    }
  }

  /**
   * Reads the attributes of the open tag whose name ends at `i` into the a* fields and moves
   * `pos` past it. Returns true when the tag is self-closing.
   */
  private readTag(i: number): boolean {
    const b = this.b;
    const len = b.length;
    this.aRow = this.aCol = this.aStyle = -1;
    this.aType = T.Number;
    this.aHidden = false;
    for (;;) {
      i = this.skipSpace(i);
      const ch = b[i];
      if (ch === GT) {
        this.pos = i + 1;
        return false;
      }
      if (ch === SLASH) {
        this.pos = i + 2;
        return true;
      }
      if (i >= len) this.fail();
      const eq = findByte(b, 61 /* = */, i);
      if (eq < 0) this.fail();
      const q = this.skipSpace(eq + 1);
      const quote = b[q];
      if (quote !== QUOTE && quote !== APOS) this.fail();
      const close = findByte(b, quote, q + 1);
      if (close < 0) this.fail();
      this.attribute(i, eq, q + 1, close);
      i = close + 1;
    }
  }

  /** Interprets one attribute by its name's bytes, decoding only what is needed. */
  private attribute(nameStart: number, eq: number, v: number, vEnd: number): void {
    const b = this.b;
    let nameEnd = eq;
    while (nameEnd > nameStart && isSpace(b[nameEnd - 1]!)) nameEnd--;
    const len = nameEnd - nameStart;
    const c0 = b[nameStart];
    if (len === 1 && c0 === 114 /* r */) {
      let col = 0;
      let k = v;
      for (; k < vEnd; k++) {
        const ch = b[k]! & ~32;
        if (ch < 65 || ch > 90) break;
        col = col * 26 + (ch - 64);
      }
      if (k === v) {
        this.aRow = digitsAt(b, v, vEnd) - 1;
        if (!(this.aRow >= 0)) this.fail();
      } else this.aCol = col - 1;
    } else if (len === 1 && c0 === 115 /* s */) {
      this.aStyle = digitsAt(b, v, vEnd);
    } else if (len === 1 && c0 === 116 /* t */) {
      this.aType = typeCode(b, v, vEnd);
    } else if (len === 6 && utf8(b, nameStart, nameEnd) === 'hidden') {
      this.aHidden = b[v] === 49 /* 1 */ || b[v] === 116; /* t */
    }
  }
}

function typeCode(b: Uint8Array, from: number, to: number): T {
  const c = b[from];
  switch (to - from) {
    case 1:
      return c === 115 /* s */ ? T.Shared : c === 98 /* b */ ? T.Bool : c === 101 /* e */ ? T.Error : c === 100 /* d */ ? T.Date : T.Number;
    case 3:
      return c === 115 /* s */ ? T.Str : T.Number;
    case 9:
      return c === 105 /* i */ ? T.Inline : T.Number;
    default:
      return T.Number;
  }
}

/** ISO 8601 date-time (t="d" cells) to a 1900-system serial. */
function isoSerial(iso: string): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || iso.length <= 10 ? iso : iso + 'Z');
  if (Number.isNaN(ms)) return iso;
  const serial = ms / 86400000 + 25569;
  return { t: 'date', serial: serial < 61 ? serial - 1 : serial };
}

/** UTF-16 parts are rare but allowed: re-encode them so the byte scanner sees UTF-8. */
function asUtf8(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ascii(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  return bytes;
}

/** Values, hidden rows, uncached formulas and the trailing XML of one worksheet part. */
export function scanSheet(part: Uint8Array, ctx: ScanContext): ScannedSheet {
  const b = asUtf8(part);
  const head = utf8(b, 0, Math.min(b.length, 4096));
  const p = rootPrefix(head, 'worksheet');
  const open = ascii(`<${p}sheetData`);
  let at = indexOfSeq(b, open, 0);
  while (at >= 0 && !(isSpace(b[at + open.length]!) || b[at + open.length] === GT || b[at + open.length] === SLASH)) {
    at = indexOfSeq(b, open, at + 1);
  }
  if (at < 0) return { rows: [], hiddenRows: [], uncachedFormulas: [], tail: utf8(b, 0, b.length) };
  const scanner = new Scanner(b, new Names(p), ctx);
  const tailStart = scanner.scan(at + open.length);
  return { rows: scanner.rows, hiddenRows: scanner.hiddenRows, uncachedFormulas: scanner.uncached, tail: utf8(b, tailStart, b.length) };
}
