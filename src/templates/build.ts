import type { AddinRoute, SheetSpec, WorkbookSpec } from '../io/xlsx/spec';
import type { TableDef } from '../core/tables/schema';
import { TEMPLATE_NAME } from '../core/model/workbook';
import { TEMPLATE_TEXTS } from '../i18n/zh-CN/templates';
import { DropdownLists } from './layout';
import { ledgerSheet } from './ledger';
import { totalsSheet } from './totals';
import { formSheet } from './form';
import { checklistSheet } from './checklist';
import { noticeSheet } from './notice';
import { DEFAULT_ROUTE } from './route';
import { createWorkbook } from '../io/xlsx/createWorkbook';
import { armWorkbook } from '../io/xlsx/armWorkbook';

/** The add-in a template carries: the manifest's <Id> and <Version>. */
export interface AddinRef {
  id: string;
  version: string;
}

/** "002 附件4" → { seed: "002", attachment: "附件4" } */
export function sourceParts(def: TableDef): { seed: string; attachment: string } {
  const [seed = '', ...rest] = def.source.split(/\s+/);
  return { seed, attachment: rest.join('') || def.title.slice(0, 31) };
}

function sheetOf(def: TableDef, lists: DropdownLists): SheetSpec {
  const name = sourceParts(def).attachment;
  switch (def.kind) {
    case 'ledger':
      return ledgerSheet(def, name, lists);
    case 'totals':
      return totalsSheet(def, name);
    case 'form':
      return formSheet(def, name, lists);
    case 'checklist':
      return checklistSheet(def, name);
    case 'notice':
      return noticeSheet(def, name);
  }
}

/**
 * A workbook holding the templates of `defs`, one sheet each, that names its tables in the
 * `_baoxue_template` defined name and carries the add-in so its task pane opens with the file
 * for users who installed it through `route`.
 */
export function workbookSpec(defs: readonly TableDef[], addin: AddinRef, route: AddinRoute = DEFAULT_ROUTE): WorkbookSpec {
  const lists = new DropdownLists();
  const sheets = defs.map((def) => sheetOf(def, lists));
  const dictionary = lists.sheet();
  if (dictionary) sheets.push(dictionary);
  return {
    sheets,
    definedNames: [{ name: TEMPLATE_NAME, value: `"${defs.map((d) => `${d.id}@${d.version}`).join(',')}"` }],
    taskpane: { addinId: addin.id, version: addin.version, route, autoShow: true },
  };
}

export function templateSpec(def: TableDef, addin: AddinRef, route: AddinRoute = DEFAULT_ROUTE): WorkbookSpec {
  return workbookSpec([def], addin, route);
}

/**
 * Tables that go into one file: each on its own, except that a totals table travels with
 * the detail table it is computed from (002 issues 附件4 and 附件5 together).
 */
export function templateGroups(catalogue: readonly TableDef[]): TableDef[][] {
  const groups: TableDef[][] = [];
  const byId = new Map<string, TableDef[]>();
  for (const def of catalogue) {
    const home = def.kind === 'totals' ? byId.get(def.from) : undefined;
    if (home) {
      home.push(def);
      continue;
    }
    const group = [def];
    groups.push(group);
    byId.set(def.id, group);
  }
  return groups;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

/**
 * "002-附件4-疑似失学儿童个体情况汇总表.xlsx"; a group names every attachment and joins the
 * titles, dropping the words they share: "002-附件4-附件5-疑似失学儿童个体情况汇总表及核查劝返总体情况汇总表.xlsx".
 */
export function templateFileName(group: readonly TableDef[]): string {
  const first = group[0]!;
  const titles = group.map((d, i) => (i === 0 ? d.title : d.title.slice(commonPrefix(first.title, d.title))));
  const parts = [sourceParts(first).seed, ...group.map((d) => sourceParts(d).attachment), titles.join(TEMPLATE_TEXTS.and)];
  return `${parts.join('-')}.xlsx`;
}

export interface TemplateFile {
  name: string;
  tables: TableDef[];
  spec: WorkbookSpec;
}

/** Every template file of the catalogue, in catalogue order. */
export function templateFiles(catalogue: readonly TableDef[], addin: AddinRef, route: AddinRoute = DEFAULT_ROUTE): TemplateFile[] {
  return templateGroups(catalogue).map((tables) => ({ name: templateFileName(tables), tables, spec: workbookSpec(tables, addin, route) }));
}

/**
 * A template file's bytes, armed: its lists check themselves (validations and conditional
 * formats of core/arm, judged at TODAY()) in WPS, Excel and LibreOffice with nothing installed.
 */
export function templateBytes(file: TemplateFile): Uint8Array {
  const plain = createWorkbook(file.spec);
  return armWorkbook(plain).bytes ?? plain;
}
