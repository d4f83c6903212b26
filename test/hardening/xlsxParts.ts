import { strFromU8, unzipSync } from 'fflate';
import { parseAttrs } from '../../src/io/xlsx/xml';

/**
 * A workbook's parts read with plain regular expressions, independently of the file layer
 * under test: sheets (name, state, XML), defined names and cell formats, as written.
 */
export interface RawWorkbook {
  sheets: { name: string; state: string; xml: string }[];
  definedNames: string[];
  cellXfs: string[];
}

const attrsOf = (tag: string): Record<string, string> => Object.fromEntries(parseAttrs(tag));

export function rawWorkbook(bytes: Uint8Array): RawWorkbook {
  const parts = unzipSync(bytes);
  const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
  const workbook = text('xl/workbook.xml');
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attrsOf(m[0]).Id, attrsOf(m[0]).Target]));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attrsOf(m[0]);
    const target = rels.get(a['r:id'] ?? '') ?? '';
    return { name: a.name!, state: a.state ?? 'visible', xml: text(target.startsWith('/') ? target.slice(1) : `xl/${target}`) };
  });
  const definedNames = [...workbook.matchAll(/<definedName\b[\s\S]*?<\/definedName>/g)].map((m) => m[0]);
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text('xl/styles.xml'))?.[1] ?? '';
  const cellXfs = [...xfs.matchAll(/<xf\b[^>]*\/>|<xf\b[\s\S]*?<\/xf>/g)].map((m) => m[0]);
  return { sheets, definedNames, cellXfs };
}

export interface RawCell {
  /** The cell's attributes except its address. */
  attrs: Record<string, string>;
  /** What is inside <c>: value, formula, inline string. */
  inner: string;
}

/** Every <c> of a sheet by address. */
export function cellsOf(xml: string): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const { r, ...attrs } = attrsOf(`<c${m[1]}>`);
    out.set(r!, { attrs, inner: m[2] ?? '' });
  }
  return out;
}

/** Every <row>'s attributes by row number. */
export function rowsOf(xml: string): Map<string, Record<string, string>> {
  return new Map([...xml.matchAll(/<row\b[^>]*>/g)].map((m) => {
    const { r, ...attrs } = attrsOf(m[0]);
    return [r!, attrs];
  }));
}

export function mergesOf(xml: string): string[] {
  return [...xml.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => attrsOf(m[0]).ref!).sort();
}

export interface RawValidation {
  x14: boolean;
  sqref: string;
  type: string;
  formula1: string;
}

/** Classic <dataValidation> and Excel 2010's <x14:dataValidation> (whose range is in <xm:sqref>). */
export function validationsOf(xml: string): RawValidation[] {
  const classic = [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    x14: false,
    sqref: attrsOf(`<v${m[1]}>`).sqref!,
    type: attrsOf(`<v${m[1]}>`).type ?? '',
    formula1: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]!)?.[1] ?? '',
  }));
  const x14 = [...xml.matchAll(/<x14:dataValidation\b([^>]*)>([\s\S]*?)<\/x14:dataValidation>/g)].map((m) => ({
    x14: true,
    sqref: /<xm:sqref>([\s\S]*?)<\/xm:sqref>/.exec(m[2]!)?.[1] ?? '',
    type: attrsOf(`<v${m[1]}>`).type ?? '',
    formula1: /<x14:formula1>\s*<xm:f>([\s\S]*?)<\/xm:f>/.exec(m[2]!)?.[1] ?? '',
  }));
  return [...classic, ...x14];
}
