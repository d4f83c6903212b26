import type { SheetSpec } from '../io/xlsx/spec';
import type { ChecklistDef } from '../core/tables/schema';
import { BOX, HEADER, SheetBuilder, orientationFor, wrappedLines } from './layout';

/**
 * A checklist printed with its official items: an item whose first cell is empty belongs to
 * the group above, so the group's 卷宗序号 cell is merged down over all its rows.
 */
export function checklistSheet(def: ChecklistDef, name: string): SheetSpec {
  const widths = def.columns.map((c) => c.width);
  const b = new SheetBuilder(widths);
  b.title(0, def.title);
  const header = 1;
  def.columns.forEach((col, c) => b.set(header, c, col.label, HEADER));

  const first = header + 1;
  def.items.forEach((item, i) => {
    const r = first + i;
    let lines = 1;
    for (let c = 1; c < widths.length; c++) {
      const text = item[c] ?? '';
      b.set(r, c, text || null, BOX);
      lines = Math.max(lines, wrappedLines(text, widths[c]!));
    }
    b.fit(r, lines);
  });

  for (let i = 0; i < def.items.length; ) {
    let j = i;
    while (j + 1 < def.items.length && !def.items[j + 1]![0]) j++;
    b.block(first + i, 0, first + j, 0, def.items[i]![0] || null, { ...BOX, hAlign: 'center' });
    i = j + 1;
  }

  const last = first + def.items.length - 1;
  const row = b.paragraphs(last + 2, def.notes);
  if (def.footer.length) b.spread(row + 1, def.footer);

  return b.spec(name, {
    freeze: { row: header + 1, col: 0 },
    print: { orientation: orientationFor(widths), fitToWidth: true, titleRows: { from: header, to: header } },
  });
}
