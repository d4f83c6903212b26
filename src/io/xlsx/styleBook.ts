import type { CellStyle } from './spec';
import { BUILTIN_FORMAT_IDS, FIRST_CUSTOM_FORMAT_ID, isDateFormat } from './numFmt';
import { escapeAttr, findAll, findElement, innerOf, openTagOf, parseAttrs, setAttr, type Span } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

type Kind = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
const KINDS: readonly Kind[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'];
const ITEM: Record<Kind, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };
/** CT_Stylesheet order, to place a collection that the file does not have yet. */
const SHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** Excel's order of font properties. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

export const FRESH_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

interface Child {
  local: string;
  xml: string;
}

/** Direct children of an element's inner XML, as raw strings with their local names. */
function children(inner: string): Child[] {
  const out: Child[] = [];
  const re = /<((?:[\w.-]+:)?([\w.-]+))\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/\1\s*>)/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) out.push({ local: m[2]!, xml: m[0] });
  return out;
}

function argb(rgb: string): string {
  return 'FF' + rgb.replace(/^#/, '').toUpperCase();
}

/**
 * xl/styles.xml, read and extended: new fonts, fills, borders, formats and cell formats are
 * appended (an identical one is reused), existing ones keep their index and their bytes.
 */
export class StyleBook {
  private readonly items: Record<Kind, string[]>;
  private readonly addedXml: Record<Kind, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly customFormats = new Map<number, string>();
  /** A default-namespace declaration for new elements when the part uses a prefix (<x:styleSheet>). */
  private readonly ns: string;
  private readonly derived = new Map<string, number>();
  /** The same, by the style object itself: a sheet's cells share a few style objects, and keying each cell by its JSON is costly. */
  private readonly derivedByObject = new WeakMap<CellStyle, Map<number, number>>();

  constructor(private readonly source: string) {
    this.ns = /^\s*(?:<\?[\s\S]*?\?>\s*)?<[\w.-]+:styleSheet/.test(source) ? ` xmlns="${MAIN_NS}"` : '';
    this.items = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [], dxfs: [] };
    for (const kind of KINDS) {
      const box = findElement(source, kind);
      if (box) this.items[kind] = findAll(source, ITEM[kind], box.openEnd, box.end).map((s) => source.slice(s.start, s.end));
    }
    for (const nf of this.items.numFmts) {
      const a = parseAttrs(nf);
      this.customFormats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
    }
  }

  get changed(): boolean {
    return KINDS.some((k) => this.addedXml[k].length > 0);
  }

  get xfCount(): number {
    return this.items.cellXfs.length;
  }

  /** For each cell format: does it show numbers as dates? */
  dateXfs(): boolean[] {
    return this.items.cellXfs.map((xf) => isDateFormat(Number(parseAttrs(xf).get('numFmtId') ?? 0), this.customFormats));
  }

  isDateXf(index: number): boolean {
    const xf = this.items.cellXfs[index];
    return xf !== undefined && isDateFormat(Number(parseAttrs(xf).get('numFmtId') ?? 0), this.customFormats);
  }

  /** The cell format `base` with `style` laid over it. */
  derive(base: number, style: CellStyle): number {
    let byBase = this.derivedByObject.get(style);
    if (!byBase) this.derivedByObject.set(style, (byBase = new Map()));
    const seen = byBase.get(base);
    if (seen !== undefined) return seen;
    const index = this.deriveNew(base, style);
    byBase.set(base, index);
    return index;
  }

  private deriveNew(base: number, style: CellStyle): number {
    const key = `${base}|${JSON.stringify(style)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xf = this.xfParts(base);
    if (style.numFmt !== undefined) this.setRef(xf.attrs, 'numFmtId', this.formatId(style.numFmt), 'applyNumberFormat');
    if (style.bold !== undefined || style.fontSize !== undefined || style.fontColor !== undefined) {
      this.setRef(xf.attrs, 'fontId', this.fontFrom(Number(xf.attrs.get('fontId') ?? 0), style), 'applyFont');
    }
    if (style.fill !== undefined) this.setRef(xf.attrs, 'fillId', this.solidFill(style.fill), 'applyFill');
    if (style.border !== undefined) this.setRef(xf.attrs, 'borderId', style.border ? this.thinBorder() : 0, 'applyBorder');
    if (style.wrap !== undefined || style.hAlign !== undefined || style.vAlign !== undefined) {
      xf.inner = this.alignInner(xf.inner, style);
      xf.attrs.set('applyAlignment', '1');
    }
    const index = this.add('cellXfs', this.xfXml(xf.attrs, xf.inner));
    this.derived.set(key, index);
    return index;
  }

  /** The index of a differential format (conditional formatting), added unless an identical one is there. */
  dxf(xml: string): number {
    return this.add('dxfs', this.ns ? xml.replace(/^<dxf/, `<dxf${this.ns}`) : xml);
  }

  /** The cell format `base` with only its fill replaced by a solid colour (for marks). */
  withFill(base: number, rgb: string): number {
    return this.derive(base, { fill: rgb });
  }

  toXml(): string {
    if (!this.changed) return this.source;
    let xml = this.source;
    // Later collections first, so earlier offsets stay valid.
    for (const kind of [...KINDS].reverse()) {
      const added = this.addedXml[kind];
      if (added.length === 0) continue;
      const count = this.items[kind].length;
      const box = findElement(xml, kind);
      if (box) {
        const open = setAttr(openTagOf(xml, box).replace(/\/>$/, '>'), 'count', String(count));
        const kept = box.selfClosing ? '' : innerOf(xml, box);
        const close = box.selfClosing ? `</${open.slice(1).split(/[\s>]/)[0]}>` : xml.slice(xml.lastIndexOf('<', box.end - 1), box.end);
        xml = xml.slice(0, box.start) + open + kept + added.join('') + close + xml.slice(box.end);
      } else {
        const at = this.insertionPoint(xml, kind);
        xml = xml.slice(0, at) + `<${kind}${this.ns} count="${count}">${added.join('')}</${kind}>` + xml.slice(at);
      }
    }
    return xml;
  }

  private insertionPoint(xml: string, kind: Kind): number {
    const later = SHEET_ORDER.slice(SHEET_ORDER.indexOf(kind) + 1);
    let best: Span | null = null;
    for (const name of later) {
      const s = findElement(xml, name);
      if (s && (!best || s.start < best.start)) best = s;
    }
    if (best) return best.start;
    return xml.lastIndexOf('</');
  }

  private add(kind: Kind, xml: string): number {
    const list = this.items[kind];
    const existing = list.indexOf(xml);
    if (existing >= 0) return existing;
    list.push(xml);
    this.addedXml[kind].push(xml);
    return list.length - 1;
  }

  private setRef(attrs: Map<string, string>, name: string, id: number, applyFlag: string): void {
    attrs.set(name, String(id));
    attrs.set(applyFlag, '1');
  }

  private xfParts(index: number): { attrs: Map<string, string>; inner: string } {
    const raw = this.items.cellXfs[index] ?? this.items.cellXfs[0];
    if (!raw) return { attrs: new Map([['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0'], ['xfId', '0']]), inner: '' };
    const span = findElement(raw, 'xf')!;
    return { attrs: parseAttrs(openTagOf(raw, span)), inner: innerOf(raw, span) };
  }

  private xfXml(attrs: Map<string, string>, inner: string): string {
    const a = [...attrs].filter(([k]) => k !== 'xmlns').map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    return inner ? `<xf${this.ns}${a}>${inner}</xf>` : `<xf${this.ns}${a}/>`;
  }

  private alignInner(inner: string, style: CellStyle): string {
    const parts = children(inner);
    const old = parts.find((c) => c.local === 'alignment');
    let tag = old ? old.xml.replace(/>[\s\S]*$/, '>').replace(/\/?>$/, '/>') : '<alignment/>';
    if (style.hAlign !== undefined) tag = setAttr(tag, 'horizontal', style.hAlign);
    if (style.vAlign !== undefined) tag = setAttr(tag, 'vertical', style.vAlign);
    if (style.wrap !== undefined) tag = setAttr(tag, 'wrapText', style.wrap ? '1' : '0');
    const rest = parts.filter((c) => c.local !== 'alignment').map((c) => c.xml);
    return tag + rest.join('');
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    for (const [id, c] of this.customFormats) if (c === code) return id;
    const id = Math.max(FIRST_CUSTOM_FORMAT_ID - 1, ...this.customFormats.keys()) + 1;
    this.customFormats.set(id, code);
    this.add('numFmts', `<numFmt${this.ns} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fontFrom(base: number, style: CellStyle): number {
    const raw = this.items.fonts[base] ?? this.items.fonts[0] ?? '<font/>';
    const span = findElement(raw, 'font');
    const props = new Map(children(span ? innerOf(raw, span) : '').map((c) => [c.local, c.xml]));
    if (style.bold === true) props.set('b', '<b/>');
    if (style.bold === false) props.delete('b');
    if (style.fontSize !== undefined) props.set('sz', `<sz val="${style.fontSize}"/>`);
    if (style.fontColor !== undefined) props.set('color', `<color rgb="${argb(style.fontColor)}"/>`);
    const ordered = [...props].sort((x, y) => rank(x[0]) - rank(y[0])).map(([, xml]) => xml);
    return this.add('fonts', `<font${this.ns}>${ordered.join('')}</font>`);
  }

  private solidFill(rgb: string): number {
    return this.add(
      'fills',
      `<fill${this.ns}><patternFill patternType="solid"><fgColor rgb="${argb(rgb)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  private thinBorder(): number {
    const side = (n: string): string => `<${n} style="thin"><color indexed="64"/></${n}>`;
    return this.add('borders', `<border${this.ns}>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`);
  }
}

function rank(local: string): number {
  const i = FONT_ORDER.indexOf(local);
  return i < 0 ? FONT_ORDER.length : i;
}
