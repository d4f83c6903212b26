import { SaxesParser } from 'saxes';
import { XlsxError } from '../errors';

/** Events of the conformant path; names are local (namespace prefix dropped), attributes keyed by qualified name. */
export interface SaxHandlers {
  open(local: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(local: string): void;
  text?(text: string): void;
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * Parses a whole part with saxes (a conformant, linear XML parser: comments, processing
 * instructions, CDATA, character references, end-of-line normalisation). Malformed or truncated
 * XML throws XlsxError('corrupt') naming the part.
 */
export function parseXml(text: string, part: string, h: SaxHandlers): void {
  // Without an error handler saxes throws at the first error, so nothing runs on past it.
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  parser.on('closetag', (tag) => h.close(localName(tag.name)));
  const onText = h.text;
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('part-broken', { part }, { cause: e });
  }
}

/** A small element tree for the small parts (workbook, relationships, styles). */
export interface XmlNode {
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function xmlTree(text: string, part: string): XmlNode {
  const root: XmlNode = { local: '', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parseXml(text, part, {
    open(local, attrs) {
      const node: XmlNode = { local, attrs, children: [], text: '' };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    },
    close() {
      stack.pop();
    },
    text(t) {
      stack[stack.length - 1]!.text += t;
    },
  });
  const top = root.children[0];
  if (!top) throw new XlsxError('part-broken', { part });
  return top;
}

/** Direct children named `local`. */
export function kids(node: XmlNode | undefined, local: string): XmlNode[] {
  return node ? node.children.filter((c) => c.local === local) : [];
}

export function kid(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local);
}

/** An attribute by local name, whatever its prefix ('id' finds 'r:id'). */
export function attr(node: XmlNode, local: string): string | undefined {
  const exact = node.attrs[local];
  if (exact !== undefined) return exact;
  for (const k in node.attrs) if (localName(k) === local && k.includes(':')) return node.attrs[k];
  return undefined;
}
