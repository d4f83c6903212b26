/** The document setting that makes Excel open our pane with this workbook (when the add-in is installed). */
export const AUTO_SHOW = 'Office.AutoShowTaskpaneWithDocument';

/** Tags the open workbook; the setting is saved into the file with the next save. */
export function keepPaneWithWorkbook(): Promise<void> {
  const settings = Office.context.document.settings;
  if (settings.get(AUTO_SHOW) === true) return Promise.resolve();
  settings.set(AUTO_SHOW, true);
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)));
  });
}
