import { FILE_TEXTS } from '../../i18n/zh-CN/files';

/** Every way reading or writing a workbook file can fail, as a stable code for callers and tests. */
export type XlsxErrorCode =
  | 'empty'
  | 'not-zip'
  | 'xls'
  | 'encrypted'
  | 'bad-password'
  | 'encryption-unsupported'
  | 'not-workbook'
  | 'xlsb'
  | 'corrupt'
  | 'zip-bomb'
  | 'too-large'
  | 'sheet-missing'
  | 'sheet-exists'
  | 'bad-sheet-name'
  | 'last-visible-sheet'
  | 'shared-formula'
  | 'bad-address'
  | 'bad-color'
  | 'list-too-long'
  | 'no-sheets'
  | 'part-broken'
  | 'no-worksheets'
  | 'sheet-part-missing'
  | 'too-many-strings'
  | 'not-regular-file'
  | 'file-too-large'
  | 'cell-too-long'
  | 'unsafe-entry'
  | 'part-too-large';

export type XlsxErrorParams = Record<string, string | number>;

/** The only exception the xlsx layer lets out; `message` is the Chinese text shown to the user. */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly params: XlsxErrorParams;

  constructor(code: XlsxErrorCode, params: XlsxErrorParams = {}, options?: { cause?: unknown }) {
    super(FILE_TEXTS[code](params), options);
    this.name = 'XlsxError';
    this.code = code;
    this.params = params;
  }
}

/** Runs `fn`, turning any stray exception from malformed input into XlsxError('corrupt'). */
export function guardCorrupt<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', {}, { cause: e });
  }
}
