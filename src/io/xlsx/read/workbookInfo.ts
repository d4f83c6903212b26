import { XlsxError } from '../errors';
import { isRelType, parseRels, relsPathOf, resolveTarget, type Relationship } from '../paths';
import { attrLocal, decodeXml, findAll, findElement, innerOf, openTagOf, parseAttrs } from '../xml';
import type { PartSource } from './partSource';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: SheetState;
  /** Zip entry of the worksheet; null for chart sheets and dangling relationships. */
  path: string | null;
}

export interface DefinedName {
  name: string;
  value: string;
  /** Index in the workbook's sheet list when the name is scoped to one sheet. */
  localSheetId: number | null;
  hidden: boolean;
}

/** Where everything is, as the package's relationships say. */
export interface WorkbookInfo {
  workbookPath: string;
  workbookXml: string;
  workbookRels: Relationship[];
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  sharedStringsPath: string | null;
  stylesPath: string | null;
  date1904: boolean;
}

/** The main part, from _rels/.rels; tells a .docx or plain zip from a workbook. */
function workbookPath(source: PartSource): string {
  const rootRels = source.text('_rels/.rels');
  const main = rootRels ? parseRels(rootRels).find((r) => isRelType(r.type, 'officeDocument')) : undefined;
  const target = main ? resolveTarget('', main.target) : 'xl/workbook.xml';
  if (/\.bin$/i.test(target) || source.has('xl/workbook.bin')) throw new XlsxError('xlsb');
  for (const candidate of [target, 'xl/workbook.xml']) {
    // The main part of a .docx or .pptx is not a <workbook>.
    const head = source.has(candidate) ? source.text(candidate)!.slice(0, 4096) : '';
    if (/<(?:[\w.-]+:)?workbook[\s>/]/.test(head)) return candidate;
  }
  throw new XlsxError('not-workbook');
}

function sheetState(v: string | undefined): SheetState {
  return v === 'hidden' || v === 'veryHidden' ? v : 'visible';
}

export function readWorkbookInfo(source: PartSource): WorkbookInfo {
  const path = workbookPath(source);
  const xml = source.text(path)!;
  const relsXml = source.text(relsPathOf(path));
  const rels = relsXml ? parseRels(relsXml) : [];
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOf = (rel: Relationship | undefined): string | null =>
    rel && !rel.external ? resolveTarget(path, rel.target) : null;

  const sheetsBox = findElement(xml, 'sheets');
  const sheets: SheetEntry[] = sheetsBox
    ? findAll(xml, 'sheet', sheetsBox.openEnd, sheetsBox.end).map((s) => {
        const a = parseAttrs(openTagOf(xml, s));
        const relId = attrLocal(a, 'id') ?? '';
        const rel = byId.get(relId);
        return {
          name: a.get('name') ?? '',
          sheetId: Number(a.get('sheetId') ?? 0),
          relId,
          state: sheetState(a.get('state')),
          path: rel && isRelType(rel.type, 'worksheet') ? partOf(rel) : null,
        };
      })
    : [];

  const namesBox = findElement(xml, 'definedNames');
  const definedNames: DefinedName[] = namesBox
    ? findAll(xml, 'definedName', namesBox.openEnd, namesBox.end).map((s) => {
        const a = parseAttrs(openTagOf(xml, s));
        const local = a.get('localSheetId');
        return {
          name: a.get('name') ?? '',
          value: decodeXml(innerOf(xml, s)),
          localSheetId: local === undefined ? null : Number(local),
          hidden: a.get('hidden') === '1' || a.get('hidden') === 'true',
        };
      })
    : [];

  const prSpan = findElement(xml, 'workbookPr');
  const date1904 = prSpan ? /^(1|true)$/.test(parseAttrs(openTagOf(xml, prSpan)).get('date1904') ?? '') : false;

  return {
    workbookPath: path,
    workbookXml: xml,
    workbookRels: rels,
    sheets,
    definedNames,
    sharedStringsPath: partOf(rels.find((r) => isRelType(r.type, 'sharedStrings'))),
    stylesPath: partOf(rels.find((r) => isRelType(r.type, 'styles'))),
    date1904,
  };
}
