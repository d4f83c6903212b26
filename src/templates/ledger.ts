import type { SheetSpec } from '../io/xlsx/spec';
import type { LedgerDef } from '../core/tables/schema';
import { columnLetter } from '../core/model/address';
import { BOX, HEADER, SheetBuilder, numFmtOf, orientationFor, wrappedLines, type DropdownLists } from './layout';

/** Empty rows get room for handwriting when the template is printed. */
const DATA_ROW_HEIGHT = 20;

/** The header text of a column: its label, and its note on the next line ("核查结果\n（选择下拉框）"). */
export function headerText(label: string, note: string | undefined): string {
  return note ? `${label}\n${note}` : label;
}

/**
 * A ledger as the seed prints it: title, preamble, one header row, the official number of
 * empty bordered rows (pre-numbered where the seed numbers them), the footer, then the notes.
 */
export function ledgerSheet(def: LedgerDef, name: string, lists: DropdownLists): SheetSpec {
  const widths = def.columns.map((c) => c.width);
  const b = new SheetBuilder(widths);
  b.title(0, def.title);
  let row = 1;
  if (def.preamble.length) b.spread(row++, def.preamble);

  const header = row;
  def.columns.forEach((col, c) => {
    const text = headerText(col.label, col.note);
    b.set(header, c, text, HEADER);
    b.fit(header, wrappedLines(text, col.width));
  });

  const first = header + 1;
  const last = header + def.templateRows;
  for (let r = first; r <= last; r++) {
    b.rowHeights[r] = DATA_ROW_HEIGHT;
    def.columns.forEach((col, c) => {
      const numbered = def.templateNumbered && col.key === 'serial';
      const numFmt = numFmtOf(col.type);
      const centred = col.type === 'serial' || col.type === 'category' || col.type === 'integer' || col.type === 'date';
      b.set(r, c, numbered ? r - header : null, { ...BOX, ...(numFmt ? { numFmt } : {}), ...(centred ? { hAlign: 'center' } : {}) });
    });
  }

  const validations = def.columns.flatMap((col, c) =>
    col.type === 'category' && col.list
      ? [lists.validation(`${columnLetter(c)}${first + 1}:${columnLetter(c)}${last + 1}`, col.label, col.list)]
      : [],
  );

  // As the seed prints it: the signature line right under the table, the 填表说明 below.
  row = last + 2;
  if (def.footer.length) b.spread(row++, def.footer);
  b.paragraphs(row + (def.footer.length ? 1 : 0), def.notes);

  const columnStyles = def.columns.flatMap((col, c) => {
    const numFmt = numFmtOf(col.type);
    return numFmt ? [{ col: c, style: { numFmt } }] : [];
  });
  return {
    name,
    cells: b.cells,
    merges: b.merges,
    columnWidths: widths,
    columnStyles,
    rowHeights: b.rowHeights,
    validations,
    freeze: { row: header + 1, col: 0 },
    print: { orientation: orientationFor(widths), fitToWidth: true, titleRows: { from: header, to: header } },
  };
}
