/** The part of Office.Document that selection events need (a fake in tests). */
export interface SelectionEvents<E> {
  addHandlerAsync(eventType: E, handler: () => void): void;
  removeHandlerAsync(eventType: E, options: { handler: () => void }): void;
}

export interface PickedCell {
  sheet: string;
  cell: string;
}

/**
 * Calls `listener` with the selected cell each time the user selects another, so the pane shows
 * that cell's finding. Uses the Common API's DocumentSelectionChanged (Excel 2013 and later, every
 * platform) rather than ExcelApi 1.9's worksheet event, so older Excel gets it too. Returns the
 * unsubscribe.
 */
export function watchSelection<E>(
  doc: SelectionEvents<E>,
  eventType: E,
  read: () => Promise<{ sheet: string; a1: string }>,
  listener: (picked: PickedCell) => void,
): () => void {
  const handler = () => {
    // A selection that cannot be read now (a chart, a cell being edited) shows nothing: the next one will.
    read().then(({ sheet, a1 }) => listener({ sheet, cell: a1 }), () => undefined);
  };
  doc.addHandlerAsync(eventType, handler);
  return () => doc.removeHandlerAsync(eventType, { handler });
}
