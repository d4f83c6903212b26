import { MergeIntegrityError, type MergeResult, type MergedTable } from '../core/merge';
import { a1 } from '../core/model/address';
import { MERGE } from '../i18n/zh-CN/merge';
import { NODE_ZIP } from '../io/readFile';
import { zipSource } from '../io/xlsx/read/partSource';
import { readWorkbookInfo } from '../io/xlsx/read/workbookInfo';
import { escapeXstring } from '../io/xlsx/xml';
import { ZipArchive } from '../io/xlsx/zip/readZip';
import { MERGED_HEADER_ROW } from '../templates/merged';

const SLASH = 0x2f;

/**
 * How many of the table's rows the written sheet part holds, in order from the first data row:
 * each row's <row> element with its number, and in it the 来源 cell with that row's text. A
 * lost row leaves its number missing or every later row's 来源 one row off, so the count stops.
 */
function rowsWritten(sheet: Buffer, table: MergedTable): number {
  const sourceCol = table.header.indexOf(MERGE.sourceColumn);
  let at = 0;
  let found = 0;
  for (; found < table.rows.length; found++) {
    const r = MERGED_HEADER_ROW + 1 + found;
    const rowStart = sheet.indexOf(`<row r="${r + 1}"`, at);
    const rowEnd = rowStart < 0 ? -1 : sheet.indexOf('</row>', rowStart);
    if (rowEnd < 0) break;
    const source = sourceCol < 0 ? null : table.rows[found]![sourceCol];
    if (typeof source === 'string' && source !== '') {
      const cell = sheet.indexOf(`<c r="${a1(r, sourceCol)}"`, rowStart);
      const cellEnd = cell < 0 ? -1 : sheet.indexOf('</c>', cell);
      const t = cell < 0 ? -1 : sheet.indexOf('<t', cell);
      if (cell < 0 || cellEnd < 0 || cellEnd > rowEnd || t < 0 || t > cellEnd) break;
      if (sheet[sheet.indexOf('>', cell) - 1] === SLASH) break; // <c …/>: an empty cell
      const text = sheet.indexOf('>', t) + 1;
      const want = Buffer.from(`${escapeXstring(source)}</t>`);
      if (!sheet.subarray(text, text + want.length).equals(want)) break;
    }
    at = rowEnd;
  }
  return found;
}

/**
 * Checks the written workbook's own bytes (inflated, size and CRC checked) for each table's
 * merged rows: no file that lost a row leaves here. Only the table sheets' XML is scanned, not
 * parsed into a grid. Returns the rows found per table.
 */
export function verifyWritten(bytes: Uint8Array, tableSheets: readonly string[], result: MergeResult): number[] {
  const source = zipSource(new ZipArchive(bytes, NODE_ZIP));
  const sheets = readWorkbookInfo(source).sheets;
  return result.tables.map((table, k) => {
    const path = sheets.find((s) => s.name === tableSheets[k])?.path;
    const xml = path ? source.bytes(path) : undefined;
    const found = xml ? rowsWritten(Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength), table) : 0;
    if (found !== table.rowsIn) throw new MergeIntegrityError(table.rowsIn, found);
    return found;
  });
}
