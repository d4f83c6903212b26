import { parseRels, type Relationship } from '../paths';
import { escapeAttr, findAll, openTagOf, parseAttrs } from '../xml';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  taskpanes: 'application/vnd.ms-office.webextensiontaskpanes+xml',
  webextension: 'application/vnd.ms-office.webextension+xml',
} as const;

export const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Inserts `fragment` just before the closing tag of the root element. */
function beforeRootClose(xml: string, fragment: string): string {
  const at = xml.lastIndexOf('</');
  if (at >= 0) return xml.slice(0, at) + fragment + xml.slice(at);
  // An empty root written as <Relationships …/>: open it up.
  return xml.replace(/<([\w.:-]+)((?:[^<>"']|"[^"]*"|'[^']*')*?)\s*\/>\s*$/, (_, name: string, attrs: string) => `<${name}${attrs}>${fragment}</${name}>`);
}

/** A relationships part, edited as text (existing entries keep their bytes). */
export class RelsDoc {
  constructor(public xml: string) {}

  list(): Relationship[] {
    return parseRels(this.xml);
  }

  add(id: string, type: string, target: string): void {
    this.xml = beforeRootClose(this.xml, `<Relationship Id="${escapeAttr(id)}" Type="${type}" Target="${escapeAttr(target)}"/>`);
  }

  remove(id: string): void {
    for (const s of findAll(this.xml, 'Relationship')) {
      if (parseAttrs(openTagOf(this.xml, s)).get('Id') === id) {
        this.xml = this.xml.slice(0, s.start) + this.xml.slice(s.end);
        return;
      }
    }
  }
}

/** [Content_Types].xml, edited as text. */
export class ContentTypesDoc {
  constructor(public xml: string) {}

  override(partName: string, contentType: string): void {
    this.removeOverride(partName);
    this.xml = beforeRootClose(this.xml, `<Override PartName="/${escapeAttr(partName)}" ContentType="${contentType}"/>`);
  }

  removeOverride(partName: string): void {
    const wanted = '/' + partName.toLowerCase();
    for (const s of findAll(this.xml, 'Override')) {
      if ((parseAttrs(openTagOf(this.xml, s)).get('PartName') ?? '').toLowerCase() === wanted) {
        this.xml = this.xml.slice(0, s.start) + this.xml.slice(s.end);
        return;
      }
    }
  }
}
