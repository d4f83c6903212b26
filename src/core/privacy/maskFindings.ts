import type { Finding } from '../model/finding';
import type { WorkbookGrid } from '../model/workbook';
import type { ColumnDef, ColumnKey } from '../tables/schema';
import { COLUMN_KEYS } from '../tables/schema';
import { recognise, type BoundLedger, type Recognised } from '../find/recognise';
import { cellText } from '../model/cell';
import { parseA1 } from '../model/address';
import { Masker } from './mask';

/** Columns holding people's names: the child, guardians, the staff answering for a case. */
const NAME_KEYS: readonly ColumnKey[] = ['name', 'guardian', 'guardian2', 'persuasionOwner'];
/** A value shaped like a Chinese personal name (minority names with a middle dot included). */
const NAME_LIKE = /^[\u3400-\u9fff\uf900-\ufaff]{2,4}$|^[\u3400-\u9fff]+[\u00b7\u2022\u30fb][\u3400-\u9fff·•・]+$/;
/** Letters and digits as long as an id (15 to 18): a 身份证号 even where it does not belong. */
const ID_SHAPED = /^[0-9A-Za-z]{15,18}$/;

interface People {
  ids: Set<string>;
  names: Set<string>;
}

const people = (): People => ({ ids: new Set(), names: new Set() });

/**
 * Names and ids a ledger row holds outside its own columns: any cell shaped like a 身份证号; and,
 * when the 姓名 column holds no name (a row pasted one column to the right puts the child's name
 * under 性别), every name-shaped value in a column that is not free text and does not allow it.
 * A row in place keeps its other values readable (a mistyped category is not a name).
 */
function strayPeople(t: BoundLedger, row: number, into: People): void {
  const cells = t.sheet.rows[row] ?? [];
  const nameCol = t.match.columns.get('name');
  const inPlace = nameCol !== undefined && NAME_LIKE.test(cellText(cells[nameCol] ?? null).trim());
  const defs = new Map<number, ColumnDef>();
  for (const def of t.def.columns) {
    const c = t.match.columns.get(def.key);
    if (c !== undefined) defs.set(c, def);
  }
  cells.forEach((value, c) => {
    const text = cellText(value).trim();
    if (ID_SHAPED.test(text)) into.ids.add(text);
    const def = defs.get(c);
    if (inPlace || !NAME_LIKE.test(text) || (def && def.type === 'text')) return;
    if (def?.list?.includes(text) || (def?.listAliases && text in def.listAliases)) return;
    into.names.add(text);
  });
}

/**
 * The 身份证号 and names of a workbook's tables, to mask them by value in what a finding says:
 * every id and name of the finding's table wherever it appears in the text, whatever column it
 * sat in, plus what the finding's own rows hold out of place.
 */
export class PersonalData {
  private readonly byTable = new Map<string, People>();
  private readonly byRow = new Map<string, People>();
  private readonly maskers = new Map<string, Masker>();

  constructor(recognised: Recognised) {
    for (const t of recognised.tables) {
      if (t.kind === 'totals') continue;
      const table = this.table(t.sheet.name);
      for (const view of t.views) {
        const mine = people();
        if (view.has('idcard')) {
          const id = cellText(view.get('idcard')).trim();
          if (id.length > 1) mine.ids.add(id);
        }
        for (const k of NAME_KEYS) if (view.has(k)) for (const n of splitNames(cellText(view.get(k)))) mine.names.add(n);
        for (const id of mine.ids) table.ids.add(id);
        for (const n of mine.names) table.names.add(n);
        if (t.kind === 'ledger') {
          const stray = people();
          strayPeople(t, view.row, stray);
          for (const id of stray.ids) table.ids.add(id);
          for (const n of stray.names) mine.names.add(n);
        }
        // A form keeps its fields on several rows: a finding may sit on any of them.
        const rows = new Set(COLUMN_KEYS.filter((k) => view.has(k)).map((k) => view.rowOf(k)));
        for (const row of rows) {
          const entry = this.entry(t.sheet.name, row);
          for (const id of mine.ids) entry.ids.add(id);
          for (const n of mine.names) entry.names.add(n);
        }
      }
    }
  }

  static of(grid: WorkbookGrid, recognised: Recognised = recognise(grid)): PersonalData {
    return new PersonalData(recognised);
  }

  /** `text` with every 身份证号-like number, every id and name of the sheet's tables, and what the given rows hold out of place, masked. */
  maskText(text: string, sheet: string, rows: readonly number[]): string {
    const table = this.byTable.get(sheet);
    // Built once per sheet: each finding is then masked in time linear in its own text.
    let masker = this.maskers.get(sheet);
    if (!masker) this.maskers.set(sheet, (masker = new Masker(table?.ids ?? [], table?.names ?? [])));
    const masked = masker.mask(text);
    const strays = rows.flatMap((row) => [...(this.byRow.get(key(sheet, row))?.names ?? [])].filter((n) => !table?.names.has(n)));
    return strays.length === 0 ? masked : new Masker([], strays).mask(masked);
  }

  /**
   * A finding fit to leave the office: texts masked; the attempts read from a persuasion
   * record are left out, as free text can name anyone.
   */
  maskFinding(f: Finding): Finding {
    const rows = [f.row, ...(f.related ?? []).map((r) => (parseA1(r)?.row ?? -1) + 1)];
    const masked: Finding = {
      ...f,
      column: this.maskText(f.column, f.sheet, rows),
      message: this.maskText(f.message, f.sheet, rows),
      fix: this.maskText(f.fix, f.sheet, rows),
    };
    delete masked.attempts;
    return masked;
  }

  private table(sheet: string): People {
    let t = this.byTable.get(sheet);
    if (!t) this.byTable.set(sheet, (t = people()));
    return t;
  }

  private entry(sheet: string, row: number): People {
    const k = key(sheet, row);
    let e = this.byRow.get(k);
    if (!e) this.byRow.set(k, (e = people()));
    return e;
  }
}

function key(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** A names cell may list several people ("王老师、李主任"); one-character pieces are not names worth masking. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;/\s\u3000]+/)
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 2);
}
