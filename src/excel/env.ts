/** The two things the Excel host takes from Office.js, passed in so tests can stand in for them. */
export interface ExcelEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** ExcelApi requirement set at run time, e.g. supports('1.18') for notes. */
  supports(version: string): boolean;
}

export function officeEnv(): ExcelEnv {
  return {
    // A batch waits while the user is editing a cell instead of failing with InvalidOperation
    // (docs/excel/excel-add-ins-delay-in-cell-edit.md).
    run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}

/** An error whose message is for the user (Chinese, from src/i18n). */
export class HostError extends Error {
  override readonly name = 'HostError';
}

/**
 * Whether the loaded office.js has `member` on this proxy. A requirement set says what Excel
 * can do; an older office.js copy (vendored on an intranet) may still lack the object.
 */
export function hasApi(proxy: object, member: string): boolean {
  return (proxy as Record<string, unknown>)[member] !== undefined;
}
