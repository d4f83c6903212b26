import type { Finding } from '../model/finding';
import type { WorkbookGrid } from '../model/workbook';
import type { ColumnKey } from '../tables/schema';
import { COLUMN_KEYS } from '../tables/schema';
import { recognise, type Recognised } from '../find/recognise';
import { cellText } from '../model/cell';
import { parseA1 } from '../model/address';
import { maskKnown } from './mask';

/** Columns holding people's names: the child, guardians, the staff answering for a case. */
const NAME_KEYS: readonly ColumnKey[] = ['name', 'guardian', 'guardian2', 'persuasionOwner'];

/** The 身份证号 and names of each row of a workbook's tables, to mask what a finding about that row says. */
export class PersonalData {
  private readonly byRow = new Map<string, { ids: string[]; names: string[] }>();

  constructor(recognised: Recognised) {
    for (const t of recognised.tables) {
      if (t.kind === 'totals') continue;
      for (const view of t.views) {
        const ids = view.has('idcard') ? [cellText(view.get('idcard')).trim()].filter((s) => s.length > 1) : [];
        const names = NAME_KEYS.flatMap((k) => (view.has(k) ? splitNames(cellText(view.get(k))) : []));
        if (ids.length === 0 && names.length === 0) continue;
        // A form keeps its fields on several rows: a finding may sit on any of them.
        const rows = new Set(COLUMN_KEYS.filter((k) => view.has(k)).map((k) => view.rowOf(k)));
        for (const row of rows) {
          const entry = this.entry(t.sheet.name, row);
          entry.ids.push(...ids);
          entry.names.push(...names);
        }
      }
    }
  }

  static of(grid: WorkbookGrid, recognised: Recognised = recognise(grid)): PersonalData {
    return new PersonalData(recognised);
  }

  /** `text` with every 身份证号-like number, and the ids and names of the given rows, masked. */
  maskText(text: string, sheet: string, rows: readonly number[]): string {
    const entries = rows.map((row) => this.byRow.get(key(sheet, row)));
    return maskKnown(text, entries.flatMap((e) => e?.ids ?? []), entries.flatMap((e) => e?.names ?? []));
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

  private entry(sheet: string, row: number) {
    const k = key(sheet, row);
    let e = this.byRow.get(k);
    if (!e) this.byRow.set(k, (e = { ids: [], names: [] }));
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
