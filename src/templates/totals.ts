import type { SheetSpec } from '../io/xlsx/spec';
import type { TotalsDef } from '../core/tables/schema';
import { BOX, HEADER, SheetBuilder, orientationFor, textWidth, wrappedLines } from './layout';

const MEASURE_MIN_WIDTH = 6;
const MEASURE_MAX_WIDTH = 10;
const NUMBER: typeof BOX = { ...BOX, hAlign: 'center' };

/**
 * A totals table as 002 附件5 prints it: a two-row header whose group cells (核减项, 应劝返项)
 * span their measures while the others (地市, 区县, 合计, 复学人数) span both rows, one body
 * row, the 总计 row, the note, then the footer.
 */
export function totalsSheet(def: TotalsDef, name: string): SheetSpec {
  const groups = def.groupBy.length;
  const widths = [
    ...def.groupBy.map((g) => g.width),
    ...def.measures.map((m) => Math.min(MEASURE_MAX_WIDTH, Math.max(MEASURE_MIN_WIDTH, textWidth(m.label) + 2))),
  ];
  const b = new SheetBuilder(widths);
  b.title(0, def.title);
  const upper = 1;
  const lower = 2;
  def.groupBy.forEach((g, c) => b.block(upper, c, lower, c, g.label, HEADER));
  for (let i = 0; i < def.measures.length; ) {
    const m = def.measures[i]!;
    const c = groups + i;
    if (!m.group) {
      b.block(upper, c, lower, c, m.label, HEADER);
      b.fit(upper, Math.ceil(wrappedLines(m.label, widths[c]!) / 2));
      i++;
      continue;
    }
    let end = i;
    while (def.measures[end + 1]?.group === m.group) end++;
    b.block(upper, c, upper, groups + end, m.group, HEADER);
    for (let j = i; j <= end; j++) b.set(lower, groups + j, def.measures[j]!.label, HEADER);
    i = end + 1;
  }

  const body = lower + 1;
  const total = body + 1;
  widths.forEach((_, c) => b.set(body, c, null, c < groups ? BOX : NUMBER));
  b.block(total, 0, total, groups - 1, def.totalLabel, { ...BOX, hAlign: 'center' });
  for (let c = groups; c < widths.length; c++) b.set(total, c, null, NUMBER);

  const row = b.paragraphs(total + 1, def.notes);
  if (def.footer.length) b.spread(row + 1, def.footer);

  return b.spec(name, {
    freeze: { row: body, col: groups },
    print: { orientation: orientationFor(widths), fitToWidth: true, titleRows: { from: upper, to: lower } },
  });
}
