import type { CellValue } from '../../../core/model/cell';
import { a1 } from '../../../core/model/address';
import { ascii, digitsAt, indexOfSeq, numberAt, startsWithAt, utf8 } from './bytes';
import { isoValue, numberCell, T, type CellType, type ValueContext } from './cellValue';
import { unescapeXstring } from '../xml';
import { TextMemo, xmlText } from './xmlText';
import { GridBuilder, MAX_COLS, MAX_ROWS } from './grid';
import { nameIs, RunNames, runsText } from './runs';
import { BANG, GT, isSpace, LT, QUESTION, QUOTE, APOS, SLASH, unsupported } from './unsupported';
import { endsInline, endsName, endsValue, isInlineStr, NAME_STOP, opensInline, typeCode, VALUE_STOP } from './sheetTags';

/** The tag names this scanner follows, as bytes, with the part's namespace prefix. */
class Names extends RunNames {
  readonly row: Uint8Array;
  readonly rowClose: Uint8Array;
  readonly c: Uint8Array;
  readonly cClose: Uint8Array;
  readonly v: Uint8Array;
  readonly vClose: Uint8Array;
  readonly f: Uint8Array;
  readonly fClose: Uint8Array;
  readonly is: Uint8Array;
  readonly isClose: Uint8Array;
  /** </t></is>: the end of a plain inline string. */
  readonly plainEnd: Uint8Array;
  readonly vOpen: Uint8Array;
  /** <is><t> and </t></is></c>: around the text of a cell holding one plain inline string. */
  readonly inlineOpen: Uint8Array;
  readonly inlineEnd: Uint8Array;
  /** </v></c>: the end of a cell holding only its value. */
  readonly valueEnd: Uint8Array;
  readonly dataClose: Uint8Array;
  /** No namespace prefix (what nearly every producer writes): the hottest checks compare constants. */
  readonly bare: boolean;

  constructor(p: string) {
    super(p);
    this.row = ascii(`${p}row`);
    this.rowClose = ascii(`</${p}row>`);
    this.c = ascii(`${p}c`);
    this.cClose = ascii(`</${p}c>`);
    this.v = ascii(`${p}v`);
    this.vClose = ascii(`</${p}v>`);
    this.f = ascii(`${p}f`);
    this.fClose = ascii(`</${p}f>`);
    this.is = ascii(`${p}is`);
    this.isClose = ascii(`</${p}is>`);
    this.plainEnd = ascii(`</${p}t></${p}is>`);
    this.vOpen = ascii(`<${p}v>`);
    this.inlineOpen = ascii(`<${p}is><${p}t>`);
    this.inlineEnd = ascii(`</${p}t></${p}is></${p}c>`);
    this.valueEnd = ascii(`</${p}v></${p}c>`);
    this.dataClose = ascii(`</${p}sheetData>`);
    this.bare = p === '';
  }
}

const TRUE = ascii('true');
const HIDDEN = ascii('hidden');

/**
 * A sequential tokenizer over the UTF-8 bytes of <sheetData>, for the shape every producer
 * writes: rows of cells whose children come in OOXML's order (f, v, is). It reads numbers from
 * the bytes and decodes only text. It follows nothing else: a comment, CDATA, a processing
 * instruction, another prefix, spacing inside an end tag or a truncated part throws
 * Unsupported, and the conformant parser reads the part instead. Every step moves forward.
 */
class Scanner {
  private pos = 0;
  // Attributes of the last tag read: fields, not an object per cell.
  private aRow = -1;
  private aCol = -1;
  private aStyle = -1;
  private aType: CellType = T.Number;
  private aHidden = false;
  private readonly memo: TextMemo;

  constructor(
    private readonly b: Uint8Array,
    private readonly n: Names,
    private readonly grid: GridBuilder,
    private readonly ctx: ValueContext,
  ) {
    this.memo = new TextMemo(b);
  }

  /** Reads the rows after the <sheetData> tag whose name ends at `at`; returns the offset just past </sheetData>. */
  scan(at: number): number {
    if (this.readTag(at)) return this.pos;
    const b = this.b;
    const n = this.n;
    let rowIndex = -1;
    let col = -1;
    for (;;) {
      const lt = this.nextTag(this.pos);
      if (n.bare ? b[lt + 1] === 99 /* c */ && endsName(b[lt + 2]) : nameIs(b, lt + 1, n.c)) {
        col = this.cell(lt, rowIndex, col);
      } else if (nameIs(b, lt + 1, n.row)) {
        this.readTag(lt + 1 + n.row.length);
        if (this.aRow < 0) unsupported();
        // Rows go down: one out of order is left to the conformant path.
        if (this.aRow <= rowIndex || this.aRow >= MAX_ROWS) unsupported();
        rowIndex = this.aRow;
        col = -1;
        if (this.aHidden) this.grid.hiddenRows.push(rowIndex);
      } else if (startsWithAt(b, n.rowClose, lt)) {
        this.pos = lt + n.rowClose.length;
      } else if (startsWithAt(b, n.dataClose, lt)) {
        return lt + n.dataClose.length;
      } else {
        unsupported();
      }
    }
  }

  /** The next '<' at or after `p`, with only whitespace before it. */
  private nextTag(p: number): number {
    const b = this.b;
    while (p < b.length && isSpace(b[p])) p++;
    if (b[p] !== LT) unsupported();
    return p;
  }

  /** Reads one <c> starting at `lt`; returns its column. */
  private cell(lt: number, rowIndex: number, prevCol: number): number {
    const b = this.b;
    const n = this.n;
    const selfClosing = this.readTag(lt + 1 + n.c.length);
    if (rowIndex < 0) unsupported();
    const col = this.aCol >= 0 ? this.aCol : prevCol + 1;
    if (col >= MAX_COLS || col <= prevCol) unsupported();
    if (selfClosing) return col;
    const type = this.aType;
    const style = this.aStyle;

    let p = this.nextTag(this.pos);
    // What nearly every cell is, <v>…</v></c> or <is><t>…</t></is></c>, straight through; the
    // general reading below takes anything else from the same place.
    if (n.bare ? b[p] === LT && b[p + 1] === 118 /* v */ && b[p + 2] === GT : startsWithAt(b, n.vOpen, p)) {
      const from = p + n.vOpen.length;
      let lt = from;
      while (lt < b.length && b[lt] !== LT) lt++;
      if (n.bare ? endsValue(b, lt) : startsWithAt(b, n.valueEnd, lt)) {
        this.pos = lt + n.valueEnd.length;
        const value = lt > from || type === T.Str || type === T.Inline ? this.convert(from, lt, type, style) : null;
        if (value !== null) this.grid.put(rowIndex, col, value);
        return col;
      }
    } else if (type === T.Inline && (n.bare ? opensInline(b, p) : startsWithAt(b, n.inlineOpen, p))) {
      const from = p + n.inlineOpen.length;
      const lt = this.memo.textEnd(from);
      if (n.bare ? endsInline(b, lt) : startsWithAt(b, n.inlineEnd, lt)) {
        this.pos = lt + n.inlineEnd.length;
        this.grid.put(rowIndex, col, this.memo.text(from, lt));
        return col;
      }
    }
    let hasFormula = false;
    if (nameIs(b, p + 1, n.f)) {
      hasFormula = true;
      if (!this.readTag(p + 1 + n.f.length)) this.pos = this.closeAfterText(this.pos, n.fClose);
      p = this.nextTag(this.pos);
    }
    let vFrom = -1;
    let vTo = -1;
    if (nameIs(b, p + 1, n.v)) {
      if (this.readTag(p + 1 + n.v.length)) vFrom = vTo = this.pos;
      else {
        vFrom = this.pos;
        this.pos = this.closeAfterText(vFrom, n.vClose);
        vTo = this.pos - n.vClose.length;
      }
      p = this.nextTag(this.pos);
    }
    let value: CellValue = null;
    if (nameIs(b, p + 1, n.is)) {
      if (type !== T.Inline) unsupported();
      if (this.readTag(p + 1 + n.is.length)) value = '';
      else if ((value = this.plainInline(this.pos)) === null) {
        const end = indexOfSeq(b, n.isClose, this.pos);
        if (end < 0) unsupported();
        value = runsText(b, this.pos, end, n);
        this.pos = end + n.isClose.length;
      }
      p = this.nextTag(this.pos);
    } else if (vFrom >= 0 && (vTo > vFrom || type === T.Str || type === T.Inline)) {
      value = this.convert(vFrom, vTo, type, style);
    } else if (hasFormula) {
      this.grid.uncachedFormulas.push(a1(rowIndex, col));
    }
    if (!startsWithAt(b, n.cClose, p)) unsupported();
    this.pos = p + n.cClose.length;
    if (value !== null) this.grid.put(rowIndex, col, value);
    return col;
  }

  /**
   * <t>text</t></is> right at `at` (what bulk writers emit for every text cell), decoded in
   * place; null for anything else, which runsText then reads. Leaves pos after </is>.
   */
  private plainInline(at: number): string | null {
    const b = this.b;
    const n = this.n;
    if (b[at] !== LT || !startsWithAt(b, n.t, at + 1) || b[at + 1 + n.t.length] !== GT) return null;
    const from = at + 2 + n.t.length;
    const lt = this.memo.textEnd(from);
    if (!startsWithAt(b, n.plainEnd, lt)) return null;
    this.pos = lt + n.plainEnd.length;
    return this.memo.text(from, lt);
  }

  /** Text from `from` up to `close`, which must be the next tag; returns the offset after it. */
  private closeAfterText(from: number, close: Uint8Array): number {
    const b = this.b;
    let lt = from;
    while (lt < b.length && b[lt] !== LT) lt++;
    if (!startsWithAt(b, close, lt)) unsupported();
    return lt + close.length;
  }

  private convert(from: number, to: number, type: CellType, style: number): CellValue {
    const b = this.b;
    switch (type) {
      case T.Shared: {
        const i = digitsAt(b, from, to);
        return Number.isNaN(i) ? null : (this.ctx.sharedStrings[i] ?? null);
      }
      case T.Str:
      case T.Inline:
        return unescapeXstring(xmlText(b, from, to));
      case T.Bool:
        return b[from] === 49 /* 1 */ || b[from] === 116 /* t */;
      case T.Error:
        return { t: 'error', code: unescapeXstring(xmlText(b, from, to)) };
      case T.Date:
        return isoValue(unescapeXstring(xmlText(b, from, to)));
      default: {
        const num = numberAt(b, from, to);
        return Number.isNaN(num) ? unescapeXstring(xmlText(b, from, to)) : numberCell(num, style, this.ctx);
      }
    }
  }

  /**
   * Reads the attributes of the open tag whose name ends at `i` into the a* fields and moves
   * `pos` past it. Returns true when the tag is self-closing.
   */
  private readTag(i: number): boolean {
    this.aRow = this.aCol = this.aStyle = -1;
    this.aType = T.Number;
    this.aHidden = false;
    return this.attributes(this.leading(i));
  }

  /**
   * r="A1", s="1", t="s" at `i`, in that order, each optional, as every producer writes them:
   * read straight from the bytes. Returns where it stopped: the general loop reads the rest,
   * and anything unusual in these (which it then reads from its start) too.
   */
  private leading(i: number): number {
    const b = this.b;
    if (b[i] === 32 && b[i + 1] === 114 /* r */ && b[i + 2] === 61 && b[i + 3] === QUOTE) {
      let k = i + 4;
      let col = 0;
      for (const stop = k + 3; k < stop && b[k]! >= 65 && b[k]! <= 90; k++) col = col * 26 + b[k]! - 64;
      const digits = k;
      let num = 0;
      for (const stop = k + 7; k < stop && b[k]! >= 48 && b[k]! <= 57; k++) num = num * 10 + b[k]! - 48;
      if (k === digits || b[k] !== QUOTE || num < 1) return i;
      if (col > 0) this.aCol = col - 1;
      else this.aRow = num - 1;
      i = k + 1;
    }
    if (b[i] === 32 && b[i + 1] === 115 /* s */ && b[i + 2] === 61 && b[i + 3] === QUOTE) {
      let k = i + 4;
      let num = 0;
      for (const stop = k + 7; k < stop && b[k]! >= 48 && b[k]! <= 57; k++) num = num * 10 + b[k]! - 48;
      if (k === i + 4 || b[k] !== QUOTE) return i;
      this.aStyle = num;
      i = k + 1;
    }
    if (b[i] === 32 && b[i + 1] === 116 /* t */ && b[i + 2] === 61 && b[i + 3] === QUOTE) {
      const v = i + 4;
      if (isInlineStr(b, v)) {
        this.aType = T.Inline;
        return v + 10;
      }
      let k = v;
      for (const stop = k + 9; k < stop && ((b[k]! >= 97 && b[k]! <= 122) || b[k] === 83) /* a-z, S */; ) k++;
      if (b[k] !== QUOTE) return i;
      this.aType = typeCode(b, v, k);
      i = k + 1;
    }
    return i;
  }

  /** The general reading of attributes from `i` to the end of the tag; see readTag. */
  private attributes(i: number): boolean {
    const b = this.b;
    const end = b.length;
    for (;;) {
      const start = i;
      while (isSpace(b[i])) i++;
      const ch = b[i];
      if (ch === GT) {
        this.pos = i + 1;
        return false;
      }
      if (ch === SLASH) {
        if (b[i + 1] !== GT) unsupported();
        this.pos = i + 2;
        return true;
      }
      // An attribute needs whitespace before it; a truncated tag ends here too.
      if (i === start || i >= end) unsupported();
      let eq = i;
      while (eq < end && NAME_STOP[b[eq]!] === 0) eq++;
      if (b[eq] !== 61 /* = */) unsupported();
      const quote = b[eq + 1];
      if (quote !== QUOTE && quote !== APOS) unsupported();
      let close = eq + 2;
      for (;;) {
        while (close < end && VALUE_STOP[b[close]!] === 0) close++;
        if (close >= end) unsupported();
        const c = b[close];
        if (c === quote) break;
        // Entities and '<' are left to the conformant path; the other quote is a character.
        if (c === LT || c === 38 /* & */) unsupported();
        close++;
      }
      this.attribute(i, eq, eq + 2, close);
      i = close + 1;
    }
  }

  /** Interprets one attribute by its name's bytes, decoding only what is needed. */
  private attribute(nameStart: number, nameEnd: number, v: number, vEnd: number): void {
    const b = this.b;
    const len = nameEnd - nameStart;
    const c0 = b[nameStart];
    if (len === 1 && c0 === 114 /* r */) {
      let col = 0;
      let k = v;
      for (; k < vEnd && k - v < 3; k++) {
        const ch = b[k]!;
        if (ch < 65 || ch > 90) break;
        col = col * 26 + (ch - 64);
      }
      const num = digitsAt(b, k, vEnd);
      if (!(num >= 1)) unsupported();
      if (k === v) this.aRow = num - 1;
      else this.aCol = col - 1;
    } else if (len === 1 && c0 === 115 /* s */) {
      this.aStyle = digitsAt(b, v, vEnd);
    } else if (len === 1 && c0 === 116 /* t */) {
      this.aType = typeCode(b, v, vEnd);
    } else if (len === 6 && startsWithAt(b, HIDDEN, nameStart)) {
      this.aHidden = vEnd - v === 1 ? b[v] === 49 : vEnd - v === 4 && startsWithAt(b, TRUE, v);
    }
  }
}

/**
 * Values, hidden rows and uncached formulas of one worksheet part (UTF-8 bytes, no BOM) into
 * `grid`; returns the part with <sheetData> emptied (merges, validations …) for the conformant
 * reader. Throws Unsupported when the part is not in the shape the scanner follows.
 */
export function scanSheet(b: Uint8Array, prefix: string, grid: GridBuilder, ctx: ValueContext): string {
  const open = ascii(`<${prefix}sheetData`);
  let at = indexOfSeq(b, open, 0);
  while (at >= 0 && !nameIs(b, at + 1, open.subarray(1))) at = indexOfSeq(b, open, at + 1);
  if (at < 0) unsupported();
  // A comment, CDATA or instruction before it could hide a <sheetData> that is not the real one.
  for (let k = 1; k < at; k++) if (b[k] === LT && (b[k + 1] === BANG || b[k + 1] === QUESTION)) unsupported();
  const scanner = new Scanner(b, new Names(prefix), grid, ctx);
  const tailStart = scanner.scan(at + open.length);
  return utf8(b, 0, at) + `<${prefix}sheetData/>` + utf8(b, tailStart, b.length);
}
