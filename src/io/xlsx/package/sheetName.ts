import { XlsxError } from '../errors';

/** Excel's rules for sheet names; a bad one would make Excel repair the file. */
export function assertSheetName(name: string): void {
  const ok = name.length >= 1 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
  if (!ok) throw new XlsxError('bad-sheet-name', { name });
}
