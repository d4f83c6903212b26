import type { SheetSpec } from '../io/xlsx/spec';
import type { NoticeDef } from '../core/tables/schema';
import { SheetBuilder, wrappedLines } from './layout';
import { TEMPLATE_TEXTS as T } from '../i18n/zh-CN/templates';
import { DEFAULT_LAW } from '../core/tables/notices';

const COLUMNS = 8;
const COLUMN_WIDTH = 11;
const FONT = 14;

/** The blanks a parent's notice leaves for the clerk's pen. */
const BLANKS: Record<string, string> = {
  guardian: T.blank,
  child: T.blank,
  month: T.shortBlank,
  day: T.shortBlank,
  school: T.blank,
  unit: T.blank,
  date: T.dateBlank,
  // A 式样 for every county: the national law; a county's notices from the CLI cite its profile's.
  law: DEFAULT_LAW.join(''),
};

function fillBlanks(line: string): string {
  return line.replace(/\{(\w+)\}/g, (whole, key: string) => BLANKS[key] ?? whole);
}

/**
 * A notice to parents laid out as a letter on one A4 page: the title, the salutation, the
 * indented body, and the issuing unit and date at the right, with blanks to write in.
 */
export function noticeSheet(def: NoticeDef, name: string): SheetSpec {
  const widths = Array.from({ length: COLUMNS }, () => COLUMN_WIDTH);
  const b = new SheetBuilder(widths);
  b.title(0, def.title);
  const full = b.span(0, b.lastCol);
  def.body.forEach((line, i) => {
    const r = 2 + i;
    const signature = /\{(unit|date)\}/.test(line);
    const salutation = i === 0;
    const text = (signature || salutation ? '' : T.indent) + fillBlanks(line);
    b.block(r, 0, r, b.lastCol, text, { fontSize: FONT, wrap: true, vAlign: 'center', hAlign: signature ? 'right' : 'left' });
    // Letters breathe: every paragraph gets at least two lines of room.
    b.fit(r, Math.max(2, wrappedLines(text, (full * 11) / FONT)), FONT);
  });
  return b.spec(name, {
    print: { orientation: 'portrait', fitToWidth: true },
  });
}
