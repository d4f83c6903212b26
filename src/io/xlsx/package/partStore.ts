import { decodePart, type PartSource } from '../read/partSource';
import type { ZipInput } from '../zip/writeZip';
import { concatBytes } from '../../bytes';

const encoder = new TextEncoder();
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A UTF-8 or UTF-16 (LE or BE) byte order mark at the start. */
function hasBom(data: Uint8Array | undefined): boolean {
  if (!data || data.length < 2) return false;
  const [a, b, c] = data;
  return (a === 0xef && b === 0xbb && c === 0xbf) || (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

export interface SourcePart {
  name: string;
  data: Uint8Array;
  /** How the source zip stored it, to copy untouched parts without compressing them again. */
  stored?: ZipInput['stored'];
}

/**
 * The parts of a package in their zip order. Parts keep their original bytes until edited;
 * edited ones are held as text. Names are matched case-insensitively, as OPC requires.
 */
export class PartStore {
  private readonly order: string[] = [];
  private readonly actual = new Map<string, string>();
  private readonly original = new Map<string, SourcePart>();
  /** Decoded text of a part: the original's (cached) or the edited one. */
  private readonly texts = new Map<string, string>();
  private readonly edited = new Set<string>();
  private readonly encoded = new Map<string, Uint8Array>();

  constructor(parts: Iterable<SourcePart>) {
    for (const part of parts) {
      const key = part.name.toLowerCase();
      if (!this.actual.has(key)) this.order.push(part.name);
      this.actual.set(key, part.name);
      this.original.set(key, part);
    }
  }

  has(name: string): boolean {
    return this.actual.has(name.toLowerCase());
  }

  text(name: string): string | undefined {
    const key = name.toLowerCase();
    let text = this.texts.get(key);
    if (text === undefined) {
      const data = this.edited.has(key) ? this.encoded.get(key) : this.original.get(key)?.data;
      if (data === undefined) return undefined;
      text = decodePart(data);
      this.texts.set(key, text);
    }
    return text;
  }

  bytes(name: string): Uint8Array | undefined {
    const key = name.toLowerCase();
    if (!this.edited.has(key)) return this.original.get(key)?.data;
    let data = this.encoded.get(key);
    if (!data) {
      // Edited text is UTF-8 now, whatever the original declared; a part that began with a byte
      // order mark keeps one (some producers' readers look for it).
      const text = this.texts.get(key)!.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(?:LE|BE)?(["'])/i, '$1UTF-8$2');
      data = encoder.encode(hasBom(this.original.get(key)?.data) ? '\ufeff' + text : text);
      this.encoded.set(key, data);
    }
    return data;
  }

  /** Replaces (or adds, at the end) a part's text; a no-op when the text is unchanged. */
  write(name: string, text: string): void {
    const key = name.toLowerCase();
    if (this.actual.has(key) && this.text(name) === text) return;
    this.track(name, key);
    this.texts.set(key, text);
    this.edited.add(key);
    this.encoded.delete(key);
  }

  /**
   * Replaces (or adds, at the end) a part with UTF-8 XML already encoded: a large sheet, built
   * block by block, is never held as one string. A part that began with a byte order mark keeps one.
   */
  writeBytes(name: string, data: Uint8Array): void {
    const key = name.toLowerCase();
    this.track(name, key);
    this.texts.delete(key);
    this.edited.add(key);
    this.encoded.set(key, hasBom(this.original.get(key)?.data) ? concatBytes([UTF8_BOM, data]) : data);
  }

  /** A part new to the package goes at the end, under the name it was first written with. */
  private track(name: string, key: string): void {
    if (this.actual.has(key)) return;
    this.order.push(name);
    this.actual.set(key, name);
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    const actual = this.actual.get(key);
    if (actual === undefined) return;
    this.order.splice(this.order.indexOf(actual), 1);
    for (const map of [this.actual, this.original, this.texts, this.encoded]) map.delete(key);
    this.edited.delete(key);
  }

  source(): PartSource {
    return { has: (n) => this.has(n), bytes: (n) => this.bytes(n), text: (n) => this.text(n) };
  }

  /** Every part: untouched ones as the source zip stored them, edited ones as UTF-8. */
  entries(): ZipInput[] {
    return this.order.map((name) => {
      const key = name.toLowerCase();
      return this.edited.has(key) ? { name, data: this.bytes(name)! } : this.original.get(key)!;
    });
  }
}
