import { XlsxError, type XlsxErrorCode } from '../../src/io/xlsx';

/** The XlsxError code `run` raises, or 'ok'; any other exception fails the test. */
export function codeOf(run: () => unknown): XlsxErrorCode | 'ok' {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}
