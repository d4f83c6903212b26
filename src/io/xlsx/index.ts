/** The .xlsx file layer: works in node and in browsers (bytes in, bytes out; no fs, no Buffer). */
export { readWorkbook, type ReadOptions } from './read/readWorkbook';
export { openPackage, XlsxPackage, type OpenOptions } from './package/xlsxPackage';
export { createWorkbook } from './createWorkbook';
export { XlsxError, type XlsxErrorCode } from './errors';
export { DEFAULT_MAX_UNCOMPRESSED, type InflateRaw, type ZipOptions } from './zip/readZip';
export type * from './spec';
