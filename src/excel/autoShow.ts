/**
 * The document setting that makes Excel open our pane with this workbook (when the add-in is
 * installed). Microsoft asks that users can turn it on and off, and that the feature is used
 * only where the AddInCommands 1.1 requirement set says it exists (OfficeDev/office-js-docs-pr
 * docs/develop/automatically-open-a-task-pane-with-a-document.md, "Best practices"). Set from
 * Office.js, Excel itself writes the workbook's add-in reference for the route the add-in was
 * installed through, so the pane needs no route of its own. Only the user's switch sets it.
 */
export const AUTO_SHOW = 'Office.AutoShowTaskpaneWithDocument';

export function autoShowSupported(): boolean {
  return Office.context.requirements.isSetSupported('AddInCommands', '1.1');
}

export function autoShowOn(): boolean {
  return Office.context.document.settings.get(AUTO_SHOW) === true;
}

/** Tags (or untags) the open workbook; the setting is saved into the file with the next save. */
export function setAutoShow(on: boolean): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(AUTO_SHOW, on);
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)));
  });
}
