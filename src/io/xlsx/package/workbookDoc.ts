import { escapeAttr, escapeText, findAll, findElement, innerOf, openTagOf, parseAttrs, attrLocal, removeAttr, setAttr, decodeXml } from '../xml';
import { XlsxError } from '../errors';
import { REL_NS } from '../write/sheetXml';
import type { SheetState } from '../read/workbookInfo';
import { namespaceFor } from '../read/prefix';
import { MAIN_NS } from '../styleBook';

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  state: SheetState;
}

export interface NameRef {
  raw: string;
  name: string;
  value: string;
  localSheetId: number | null;
}

/** Elements that may follow <definedNames> in CT_Workbook, to place a new one. */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** xl/workbook.xml, edited as text: sheets, defined names and the window's active tab. */
export class WorkbookDoc {
  private readonly ns: string;

  constructor(public xml: string) {
    this.ns = namespaceFor(xml, 'workbook', MAIN_NS);
  }

  sheets(): SheetRef[] {
    const box = findElement(this.xml, 'sheets');
    if (!box) return [];
    return findAll(this.xml, 'sheet', box.openEnd, box.end).map((s) => {
      const a = parseAttrs(openTagOf(this.xml, s));
      const state = a.get('state');
      return {
        name: a.get('name') ?? '',
        sheetId: Number(a.get('sheetId') ?? 0),
        relId: attrLocal(a, 'id') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      };
    });
  }

  appendSheet(sheet: SheetRef): void {
    const state = sheet.state === 'visible' ? '' : ` state="${sheet.state}"`;
    const el = `<sheet${this.ns} xmlns:r="${REL_NS}" name="${escapeAttr(sheet.name)}" sheetId="${sheet.sheetId}"${state} r:id="${sheet.relId}"/>`;
    const box = findElement(this.xml, 'sheets');
    if (!box) throw new XlsxError('corrupt');
    if (box.selfClosing) {
      const open = openTagOf(this.xml, box).replace(/\s*\/>$/, '>');
      const name = open.slice(1).split(/[\s>]/)[0];
      this.xml = this.xml.slice(0, box.start) + open + el + `</${name}>` + this.xml.slice(box.end);
    } else {
      const close = this.xml.lastIndexOf('<', box.end - 1);
      this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
    }
  }

  setSheetState(index: number, state: SheetState): void {
    const s = this.sheetSpans()[index]!;
    let tag = openTagOf(this.xml, s);
    tag = state === 'visible' ? removeAttr(tag, 'state') : setAttr(tag, 'state', state);
    this.xml = this.xml.slice(0, s.start) + tag + this.xml.slice(s.openEnd);
  }

  removeSheet(index: number): void {
    const s = this.sheetSpans()[index]!;
    this.xml = this.xml.slice(0, s.start) + this.xml.slice(s.end);
  }

  private sheetSpans() {
    const box = findElement(this.xml, 'sheets')!;
    return findAll(this.xml, 'sheet', box.openEnd, box.end);
  }

  names(): NameRef[] {
    const box = findElement(this.xml, 'definedNames');
    if (!box) return [];
    return findAll(this.xml, 'definedName', box.openEnd, box.end).map((s) => {
      const a = parseAttrs(openTagOf(this.xml, s));
      const local = a.get('localSheetId');
      return {
        raw: this.xml.slice(s.start, s.end),
        name: a.get('name') ?? '',
        value: decodeXml(innerOf(this.xml, s)),
        localSheetId: local === undefined ? null : Number(local),
      };
    });
  }

  /** Replaces the <definedNames> element by these entries (raw XML, existing ones untouched). */
  setNames(raws: string[]): void {
    const box = findElement(this.xml, 'definedNames');
    const el = raws.length ? `<definedNames${this.ns}>${raws.join('')}</definedNames>` : '';
    if (box) {
      this.xml = this.xml.slice(0, box.start) + el + this.xml.slice(box.end);
      return;
    }
    if (!el) return;
    let at = -1;
    for (const name of AFTER_NAMES) {
      const s = findElement(this.xml, name);
      if (s && (at < 0 || s.start < at)) at = s.start;
    }
    if (at < 0) at = this.xml.lastIndexOf('</');
    this.xml = this.xml.slice(0, at) + el + this.xml.slice(at);
  }

  /** Keeps the window's active and first tab on existing, visible sheets. */
  fixViews(): void {
    const sheets = this.sheets();
    const firstVisible = Math.max(0, sheets.findIndex((s) => s.state === 'visible'));
    for (const s of findAll(this.xml, 'workbookView').reverse()) {
      let tag = openTagOf(this.xml, s);
      const a = parseAttrs(tag);
      for (const attr of ['activeTab', 'firstSheet']) {
        const v = Number(a.get(attr) ?? 0);
        if (v >= sheets.length || sheets[v]?.state !== 'visible') tag = setAttr(tag, attr, String(firstVisible));
      }
      this.xml = this.xml.slice(0, s.start) + tag + this.xml.slice(s.openEnd);
    }
  }
}

export function definedNameXml(name: string, value: string, localSheetId: number | null, hidden: boolean): string {
  const local = localSheetId === null ? '' : ` localSheetId="${localSheetId}"`;
  return `<definedName name="${escapeAttr(name)}"${local}${hidden ? ' hidden="1"' : ''}>${escapeText(value)}</definedName>`;
}
