import { formatRange, parseRange, type RangeRef } from '../../../core/model/address';
import { namespaceFor } from '../read/prefix';
import type { ValidationSpec } from '../spec';
import { MAIN_NS } from '../styleBook';
import { validationXml } from '../write/sheetXml';
import { decodeXml, escapeText, findAll, findElement, innerOf, openTagOf, parseAttrs, setAttr, tagEnd, type Span } from '../xml';
import { insertInSheet } from './sheetEdit';

/** The parts of `a` outside `b`: at most four rectangles (above, below, left, right). */
function subtractOne(a: RangeRef, b: RangeRef): RangeRef[] {
  if (b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right) return [a];
  const out: RangeRef[] = [];
  if (b.top > a.top) out.push({ ...a, bottom: b.top - 1 });
  if (b.bottom < a.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (b.left > a.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (b.right < a.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

/** An sqref ("A1:A9 C3") with the cut ranges taken out; tokens it cannot read stay as written. */
export function subtractSqref(sqref: string, cuts: readonly RangeRef[]): string {
  const kept: string[] = [];
  for (const token of sqref.trim().split(/\s+/).filter(Boolean)) {
    const range = parseRange(token);
    if (!range) {
      kept.push(token);
      continue;
    }
    let pieces = [range];
    for (const cut of cuts) pieces = pieces.flatMap((p) => subtractOne(p, cut));
    kept.push(...pieces.map(formatRange));
  }
  return kept.join(' ');
}

function cutsOf(specs: readonly ValidationSpec[]): RangeRef[] {
  return specs.flatMap((s) => s.sqref.trim().split(/\s+/).map(parseRange)).filter((r): r is RangeRef => r !== null);
}

/** Rewrites the validations inside `box` (classic or x14), dropping those left with no range. */
function trimEach(xml: string, box: Span, sqrefOf: (v: string) => string | null, withSqref: (v: string, sqref: string) => string, cuts: RangeRef[]) {
  const kept: string[] = [];
  for (const s of findAll(xml, 'dataValidation', box.openEnd, box.end)) {
    const v = xml.slice(s.start, s.end);
    const sqref = sqrefOf(v);
    if (sqref === null) {
      kept.push(v);
      continue;
    }
    const rest = subtractSqref(sqref, cuts);
    if (rest) kept.push(rest === sqref ? v : withSqref(v, rest));
  }
  return kept;
}

function rebuild(xml: string, box: Span, children: string[]): string {
  const open = setAttr(openTagOf(xml, box).replace(/\s*\/>$/, '>'), 'count', String(children.length));
  const name = open.slice(1).split(/[\s>]/)[0];
  return xml.slice(0, box.start) + open + children.join('') + `</${name}>` + xml.slice(box.end);
}

/** Excel 2010 list validations (cross-sheet lists) live in the extension list, ranges in <xm:sqref>. */
function trimX14(xml: string, cuts: RangeRef[]): string {
  const extLst = findElement(xml, 'extLst');
  const box = extLst ? findElement(xml, 'dataValidations', extLst.openEnd, extLst.end) : null;
  if (!extLst || !box) return xml;
  const sqrefSpan = (v: string) => findElement(v, 'sqref');
  const kept = trimEach(
    xml,
    box,
    (v) => {
      const s = sqrefSpan(v);
      return s ? decodeXml(innerOf(v, s)) : null;
    },
    (v, sqref) => {
      const s = sqrefSpan(v)!;
      return v.slice(0, s.openEnd) + escapeText(sqref) + v.slice(v.lastIndexOf('<', s.end - 1));
    },
    cuts,
  );
  if (kept.length > 0) return rebuild(xml, box, kept);
  // Nothing left: drop the container, its <ext> when that held nothing else, and an empty <extLst>.
  const ext = findAll(xml, 'ext', extLst.openEnd, extLst.end).find((e) => e.start < box.start && e.end >= box.end);
  const alone = ext && innerOf(xml, ext).trim() === xml.slice(box.start, box.end);
  const [from, to] = alone ? [ext.start, ext.end] : [box.start, box.end];
  const out = xml.slice(0, from) + xml.slice(to);
  const list = findElement(out, 'extLst');
  return list && innerOf(out, list).trim() === '' ? out.slice(0, list.start) + out.slice(list.end) : out;
}

/**
 * Puts list validations on their ranges in a worksheet's XML, replacing whatever validation
 * covered those cells (classic or x14): other validations keep the rest of their ranges.
 */
export function replaceValidations(xml: string, specs: readonly ValidationSpec[]): string {
  if (specs.length === 0) return xml;
  const cuts = cutsOf(specs);
  const ns = namespaceFor(xml, 'worksheet', MAIN_NS);
  const added = specs.map((s) => validationXml(s).replace(/^<dataValidation/, `<dataValidation${ns}`));
  const out = trimX14(xml, cuts);
  const extLst = findElement(out, 'extLst');
  const box = findElement(out, 'dataValidations', 0, extLst ? extLst.start : out.length);
  if (!box) return insertInSheet(out, `<dataValidations${ns} count="${added.length}">${added.join('')}</dataValidations>`, 'dataValidations');
  const kept = trimEach(
    out,
    box,
    (v) => parseAttrs(v).get('sqref') ?? null,
    (v, sqref) => setAttr(v.slice(0, tagEnd(v, 0)), 'sqref', sqref) + v.slice(tagEnd(v, 0)),
    cuts,
  );
  return rebuild(out, box, [...kept, ...added]);
}
