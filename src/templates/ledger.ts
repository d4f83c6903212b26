import type { SheetSpec } from '../io/xlsx/spec';
import type { ColumnDef, LedgerDef } from '../core/tables/schema';
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

  return finishListSheet(b, { name, widths, header, first, last, columns: def.columns, footer: def.footer, notes: def.notes, lists });
}

/** What a list sheet's body leaves to finish: the rows it spans and each column's definition (null for extra columns). */
export interface ListSheetParts {
  name: string;
  widths: number[];
  header: number;
  first: number;
  last: number;
  columns: readonly (ColumnDef | null)[];
  footer: readonly string[];
  notes: readonly string[];
  lists: DropdownLists;
}

/**
 * Finishes a list sheet (a template's or a merged county list): dropdowns on the category
 * columns over the rows, as the seed prints it the signature line right under the table and
 * the 填表说明 below, text and date formats by column, frozen header, A4 print setup.
 */
export function finishListSheet(b: SheetBuilder, p: ListSheetParts): SheetSpec {
  const validations =
    p.last < p.first
      ? []
      : p.columns.flatMap((col, c) =>
          col && col.type === 'category' && col.list
            ? [p.lists.validation(`${columnLetter(c)}${p.first + 1}:${columnLetter(c)}${p.last + 1}`, col.label, col.list)]
            : [],
        );
  let row = Math.max(p.last, p.header) + 2;
  if (p.footer.length) b.spread(row++, [...p.footer]);
  b.paragraphs(row + (p.footer.length ? 1 : 0), [...p.notes]);
  const columnStyles = p.columns.flatMap((col, c) => {
    const numFmt = col ? numFmtOf(col.type) : undefined;
    return numFmt ? [{ col: c, style: { numFmt } }] : [];
  });
  return b.spec(p.name, {
    columnStyles,
    validations,
    freeze: { row: p.header + 1, col: 0 },
    print: { orientation: orientationFor(p.widths), fitToWidth: true, titleRows: { from: p.header, to: p.header } },
  });
}
