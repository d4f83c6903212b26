import { isDateFormat, isElapsedFormat } from '../numFmt';
import { kid, kids, xmlTree } from './sax';

/** Per cell format (cellXfs index): does it show a date or time, and is that elapsed time? */
export interface CellFormats {
  dateXfs: boolean[];
  elapsedXfs: boolean[];
}

export function readCellFormats(text: string, part: string): CellFormats {
  const root = xmlTree(text, part);
  const custom = new Map<number, string>();
  for (const nf of kids(kid(root, 'numFmts'), 'numFmt')) custom.set(Number(nf.attrs.numFmtId), nf.attrs.formatCode ?? '');
  const ids = kids(kid(root, 'cellXfs'), 'xf').map((xf) => Number(xf.attrs.numFmtId ?? 0));
  return { dateXfs: ids.map((id) => isDateFormat(id, custom)), elapsedXfs: ids.map((id) => isElapsedFormat(id, custom)) };
}
