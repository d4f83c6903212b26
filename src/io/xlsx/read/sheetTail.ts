import { parseRange, type RangeRef } from '../../../core/model/address';
import type { ValidationRule } from '../../../core/model/workbook';
import { decodeXml, findAll, findElement, innerOf, openTagOf, parseAttrs, type Span } from '../xml';

/** Merges and validations live after <sheetData>; both are read as ranges, never expanded. */
export interface SheetTail {
  merges: RangeRef[];
  validations: ValidationRule[];
}

/** '"是,否,无"' → ['是','否','无']; a range or formula → null. */
export function literalListItems(formula: string | null): string[] | null {
  if (formula === null) return null;
  const m = /^\s*"([\s\S]*)"\s*$/.exec(formula);
  if (!m) return null;
  return m[1]!.replace(/""/g, '"').split(',');
}

function childText(xml: string, within: Span, local: string): string | null {
  const s = findElement(xml, local, within.openEnd, within.end);
  return s ? decodeXml(innerOf(xml, s)) : null;
}

function rule(type: string, sqref: string, formula1: string | null, x14: boolean): ValidationRule {
  return { sqref: sqref.trim(), type, listItems: type === 'list' ? literalListItems(formula1) : null, formula1, x14 };
}

export function readSheetTail(tail: string): SheetTail {
  const merges: RangeRef[] = [];
  for (const s of findAll(tail, 'mergeCell')) {
    const range = parseRange(parseAttrs(openTagOf(tail, s)).get('ref') ?? '');
    if (range) merges.push(range);
  }

  const ext = findElement(tail, 'extLst');
  const classicEnd = ext ? ext.start : tail.length;
  const validations: ValidationRule[] = [];
  for (const s of findAll(tail, 'dataValidation', 0, classicEnd)) {
    const a = parseAttrs(openTagOf(tail, s));
    validations.push(rule(a.get('type') ?? 'none', a.get('sqref') ?? '', childText(tail, s, 'formula1'), false));
  }
  // Excel 2010 x14 validations (cross-sheet lists): formula in <xm:f>, ranges in <xm:sqref>.
  if (ext) {
    for (const s of findAll(tail, 'dataValidation', ext.start, ext.end)) {
      const a = parseAttrs(openTagOf(tail, s));
      const f1 = findElement(tail, 'formula1', s.openEnd, s.end);
      const formula = f1 ? childText(tail, f1, 'f') : null;
      validations.push(rule(a.get('type') ?? 'none', childText(tail, s, 'sqref') ?? '', formula, true));
    }
  }
  return { merges, validations };
}
