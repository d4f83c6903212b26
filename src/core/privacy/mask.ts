/** Masks for reports that leave the office: 身份证号 keeps its region and last character; names their first character. */
export function maskIdCard(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 7) + s.slice(-1);
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * Runs of digits (with a trailing X) that look like a 身份证号: 18 characters, or the old 15
 * digits, not part of a longer number. Written without lookbehind: old Safari webviews lack it.
 */
const DIGIT_RUN = /\d+[Xx]?/g;

function isIdLike(run: string, next: string | undefined): boolean {
  if (next !== undefined && /[0-9Xx]/.test(next)) return false;
  const x = /[Xx]$/.test(run);
  const digits = x ? run.length - 1 : run.length;
  return x ? digits === 17 : digits === 18 || digits === 15;
}

/** Every 身份证号-like number in `text` masked. */
export function maskIdLike(text: string): string {
  return text.replace(DIGIT_RUN, (run: string, at: number) => (isIdLike(run, text[at + run.length]) ? maskIdCard(run) : run));
}

/** What a name is written with: Han characters (both planes) and the middle dots of minority names. */
const NAME_RUN = /(?:[\u3400-\u9fff\uf900-\ufaff\u00b7\u2022\u30fb]|[\ud840-\ud87f][\udc00-\udfff])+/g;
/** Letters and digits that may form an id that is not quite a 身份证号 (wrong length, letters). */
const ID_RUN = /[0-9A-Za-z]+/g;

/** The ids and names to mask, looked up by value. */
export class Masker {
  private readonly ids: Set<string>;
  private readonly names: Set<string>;
  private readonly longest: number;

  constructor(ids: Iterable<string>, names: Iterable<string>) {
    this.ids = new Set([...ids].filter(Boolean));
    this.names = new Set([...names].filter((n) => n.length >= 2));
    this.longest = Math.max(0, ...[...this.names].map((n) => n.length));
  }

  /**
   * `text` with the known ids and names masked wherever they stand (the longest name at each
   * place first, so a name inside a longer one leaves nothing showing), then any other
   * 身份证号-like number. Linear in the text: names are looked up, never searched for one by one.
   */
  mask(text: string): string {
    let out = this.ids.size > 0 ? text.replace(ID_RUN, (run) => (this.ids.has(run) ? maskIdCard(run) : run)) : text;
    if (this.names.size > 0) out = out.replace(NAME_RUN, (run) => this.maskNamesIn(run));
    return maskIdLike(out);
  }

  private maskNamesIn(run: string): string {
    let out = '';
    let i = 0;
    while (i < run.length) {
      let found = '';
      for (let len = Math.min(this.longest, run.length - i); len >= 2; len--) {
        const piece = run.slice(i, i + len);
        if (this.names.has(piece)) {
          found = piece;
          break;
        }
      }
      out += found ? maskName(found) : run[i];
      i += found ? found.length : 1;
    }
    return out;
  }
}

/** `text` with the given ids and names masked, then any other 身份证号-like number (see Masker). */
export function maskKnown(text: string, ids: Iterable<string>, names: Iterable<string>): string {
  return new Masker(ids, names).mask(text);
}
