import { zipOf } from '../io/fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal workbook whose sheet XML (and shared strings, styles) a test writes by hand. */
export interface HandWorkbook {
  sheets: { name: string; xml: string | Uint8Array; target?: string }[];
  sst?: string | Uint8Array;
  styles?: string;
  date1904?: boolean;
  /** Replaces the generated workbook.xml / workbook rels (variants of them are tested too). */
  workbookXml?: string | Uint8Array;
  relsXml?: string | Uint8Array;
}

export function sheetXml(rows: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export function defaultWorkbookXml(hw: HandWorkbook): string {
  const sheets = hw.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const pr = hw.date1904 ? '<workbookPr date1904="1"/>' : '';
  return `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${pr}<sheets>${sheets}</sheets></workbook>`;
}

export function defaultRelsXml(hw: HandWorkbook): string {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    hw.sheets.map((s, i) => rel(`rId${i + 1}`, 'worksheet', s.target ?? `worksheets/sheet${i + 1}.xml`)).join('') +
    (hw.sst !== undefined ? rel('rIdS', 'sharedStrings', 'sharedStrings.xml') : '') +
    (hw.styles !== undefined ? rel('rIdT', 'styles', 'styles.xml') : '') +
    '</Relationships>'
  );
}

export function handWorkbook(hw: HandWorkbook): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': hw.workbookXml ?? defaultWorkbookXml(hw),
    'xl/_rels/workbook.xml.rels': hw.relsXml ?? defaultRelsXml(hw),
  };
  hw.sheets.forEach((s, i) => {
    if (!s.target) files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
  });
  if (hw.sst !== undefined) files['xl/sharedStrings.xml'] = hw.sst;
  if (hw.styles !== undefined) files['xl/styles.xml'] = hw.styles;
  return zipOf(files);
}

/** A styles part whose cellXfs use these number formats (custom codes get ids from 164). */
export function stylesXml(formats: (number | string)[]): string {
  const custom = formats.filter((f): f is string => typeof f === 'string');
  const idOf = (f: number | string) => (typeof f === 'number' ? f : 164 + custom.indexOf(f));
  const numFmts = custom.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${c.replace(/"/g, '&quot;')}"/>`).join('');
  const xfs = formats.map((f) => `<xf numFmtId="${idOf(f)}"/>`).join('');
  return `<styleSheet xmlns="${MAIN}"><numFmts>${numFmts}</numFmts><cellXfs>${xfs}</cellXfs></styleSheet>`;
}

export function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const s = bom ? '\ufeff' + text : text;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}
