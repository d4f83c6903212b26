import type { ZipOptions } from './zip/readZip';
import { XlsxError } from './errors';
import { MAIN_NS, FRESH_STYLES } from './styleBook';
import { CONTENT_TYPE } from './package/opc';
import { PartStore } from './package/partStore';
import { XlsxPackage } from './package/xlsxPackage';
import { REL_TYPE } from './paths';
import type { WorkbookSpec } from './spec';
import { REL_NS } from './write/sheetXml';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts every workbook has, with no sheet yet. */
function skeleton(): PartStore {
  const encoder = new TextEncoder();
  const part = (name: string, xml: string) => ({ name, data: encoder.encode(HEAD + xml) });
  return new PartStore([
    part(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
        '</Types>',
    ),
    part(
      '_rels/.rels',
      `<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_TYPE.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PACKAGE_RELS_NS}"><Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`,
    ),
    { name: 'xl/styles.xml', data: encoder.encode(FRESH_STYLES) },
  ]);
}

/** A new .xlsx from a spec: sheets, defined names and, if asked, the add-in's task pane. */
export function createWorkbook(spec: WorkbookSpec, zip: ZipOptions = {}): Uint8Array {
  if (spec.sheets.length === 0) throw new XlsxError('no-sheets');
  const pkg = new XlsxPackage(skeleton(), zip);
  for (const sheet of spec.sheets) pkg.addSheet(sheet, { markAsAdded: false });
  for (const name of spec.definedNames ?? []) pkg.setDefinedName(name.name, name.value, name.hidden ?? false);
  if (spec.taskpane) pkg.attachTaskpane(spec.taskpane);
  return pkg.toBytes();
}
