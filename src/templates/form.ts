import type { CellStyle, SheetSpec } from '../io/xlsx/spec';
import type { FormDef, FormField } from '../core/tables/schema';
import { a1 } from '../core/model/address';
import { BOX, SheetBuilder, numFmtOf, wrappedLines, type DropdownLists } from './layout';
import { FORM_LAYOUTS } from './formLayout';

const LABEL: CellStyle = { ...BOX, hAlign: 'center' };
const HINT: CellStyle = { ...BOX, vAlign: 'top', fontColor: '808080' };
/** Boxes for paragraphs of text are written from the top, like a page. */
const LONG: CellStyle = { ...BOX, vAlign: 'top' };

function fieldOf(def: FormDef, key: string): FormField {
  const field = def.fields.find((f) => f.key === key);
  if (!field) throw new Error(`form ${def.id} has no field ${key}`);
  return field;
}

/**
 * A form (一生一表) drawn as the seed draws it: section labels merged down the first column,
 * each field a bordered label cell with its merged value cells to the right, hints in grey
 * inside the value cells, dropdowns on its category fields.
 */
export function formSheet(def: FormDef, name: string, lists: DropdownLists): SheetSpec {
  const layout = FORM_LAYOUTS[def.id];
  if (!layout) throw new Error(`no template layout for form ${def.id}`);
  const b = new SheetBuilder(layout.widths);
  b.title(0, def.title);
  const top = def.preamble.length ? 2 : 1;
  if (def.preamble.length) b.spread(1, def.preamble);

  const validations: NonNullable<SheetSpec['validations']> = [];
  const sections: { section: string; row: number }[] = [];
  layout.rows.forEach((line, i) => {
    const r = top + i;
    let lines = line.lines ?? 1;
    for (const place of line.fields) {
      const field = fieldOf(def, place.key);
      const [from, to] = place.value;
      b.block(r, place.label, r, place.label, field.label, LABEL);
      const numFmt = numFmtOf(field.type);
      const style = field.hint ? HINT : field.type === 'longtext' ? LONG : BOX;
      b.block(r, from, r, to, field.hint ?? null, { ...style, ...(numFmt ? { numFmt } : {}) });
      lines = Math.max(lines, wrappedLines(field.label, layout.widths[place.label]!), wrappedLines(field.hint ?? '', b.span(from, to)));
      if (field.type === 'category' && field.list) {
        const range = from === to ? a1(r, from) : `${a1(r, from)}:${a1(r, to)}`;
        validations.push(lists.validation(range, field.label, field.list));
      }
    }
    b.fit(r, lines);
    // A row whose first field stands in the section column (辍学原因) is its own section.
    if (line.fields.every((f) => f.label !== 0)) sections.push({ section: fieldOf(def, line.fields[0]!.key).section, row: r });
  });

  for (let i = 0; i < sections.length; ) {
    let j = i;
    while (sections[j + 1]?.section === sections[i]!.section && sections[j + 1]!.row === sections[j]!.row + 1) j++;
    b.block(sections[i]!.row, 0, sections[j]!.row, 0, sections[i]!.section, LABEL);
    i = j + 1;
  }

  return {
    name,
    cells: b.cells,
    merges: b.merges,
    columnWidths: layout.widths,
    rowHeights: b.rowHeights,
    validations,
    // One form per A4 page, upright like the seed's, scaled to the page width.
    print: { orientation: 'portrait', fitToWidth: true },
  };
}
