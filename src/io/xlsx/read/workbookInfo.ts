import { XlsxError } from '../errors';
import { isRelType, relsPathOf, resolveTarget, type Relationship } from '../paths';
import type { PartSource } from './partSource';
import { attr, kid, kids, xmlTree } from './sax';

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

/** A relationships part, read conformantly; targets written with '\' (some writers do) use '/'. */
export function readRels(text: string, part: string): Relationship[] {
  return kids(xmlTree(text, part), 'Relationship').map((r) => ({
    id: r.attrs.Id ?? '',
    type: r.attrs.Type ?? '',
    target: (r.attrs.Target ?? '').replace(/\\/g, '/'),
    external: r.attrs.TargetMode === 'External',
  }));
}

/** The main part, from _rels/.rels; tells a .docx or plain zip from a workbook. */
function workbookPath(source: PartSource): string {
  const rootRels = source.text('_rels/.rels');
  const main = rootRels ? readRels(rootRels, '_rels/.rels').find((r) => isRelType(r.type, 'officeDocument')) : undefined;
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

const TRUE = /^\s*(1|true)\s*$/;

export function readWorkbookInfo(source: PartSource): WorkbookInfo {
  const path = workbookPath(source);
  const xml = source.text(path)!;
  const root = xmlTree(xml, path);
  const relsPath = relsPathOf(path);
  const relsXml = source.text(relsPath);
  const rels = relsXml ? readRels(relsXml, relsPath) : [];
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partOf = (rel: Relationship | undefined): string | null =>
    rel && !rel.external ? resolveTarget(path, rel.target) : null;

  const sheets: SheetEntry[] = kids(kid(root, 'sheets'), 'sheet').map((s) => {
    const relId = attr(s, 'id') ?? '';
    const rel = byId.get(relId);
    return {
      name: s.attrs.name ?? '',
      sheetId: Number(s.attrs.sheetId ?? 0),
      relId,
      state: sheetState(s.attrs.state),
      path: rel && isRelType(rel.type, 'worksheet') ? partOf(rel) : null,
    };
  });

  const definedNames: DefinedName[] = kids(kid(root, 'definedNames'), 'definedName').map((n) => ({
    name: n.attrs.name ?? '',
    value: n.text,
    localSheetId: n.attrs.localSheetId === undefined ? null : Number(n.attrs.localSheetId),
    hidden: TRUE.test(n.attrs.hidden ?? ''),
  }));

  return {
    workbookPath: path,
    workbookXml: xml,
    workbookRels: rels,
    sheets,
    definedNames,
    sharedStringsPath: partOf(rels.find((r) => isRelType(r.type, 'sharedStrings'))),
    stylesPath: partOf(rels.find((r) => isRelType(r.type, 'styles'))),
    date1904: TRUE.test(kid(root, 'workbookPr')?.attrs.date1904 ?? ''),
  };
}
