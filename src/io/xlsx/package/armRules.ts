import { parseRange, type RangeRef } from '../../../core/model/address';
import type { ArmCheck, ArmValidation } from '../../../core/arm';
import { ARM_FORMAT_MARK } from '../../../core/arm';
import { ARM_PROMPT_MARK } from '../../../i18n/zh-CN/arm';
import { namespaceFor } from '../read/prefix';
import { MAIN_NS } from '../styleBook';
import { decodeXml, escapeAttr, escapeText, findAll, findElement, innerOf, openTagOf, parseAttrs, setAttr, type Span } from '../xml';
import { afterSheetData, insertInSheet } from './sheetEdit';
import { subtractSqref } from './validations';

/** Excel's limits on a validation's texts (MS-OI29500 §18.3.1.32). */
const MAX_TITLE = 32;
const MAX_ERROR = 224;
const MAX_PROMPT = 255;

/** The format every armed rule paints with: light red fill, dark red text (Excel's own preset). */
export const ARM_DXF = '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';

function isOurValidation(v: string): boolean {
  return (parseAttrs(v.slice(0, v.indexOf('>') + 1)).get('promptTitle') ?? '').startsWith(ARM_PROMPT_MARK);
}

/** Drops the children of `box` that `drop` selects; the container goes too when nothing is left. */
function dropChildren(xml: string, box: Span, child: string, drop: (x: string) => boolean, countAttr: boolean): string {
  const all = findAll(xml, child, box.openEnd, box.end).map((s) => xml.slice(s.start, s.end));
  const kept = all.filter((x) => !drop(x));
  if (kept.length === all.length) return xml;
  if (kept.length === 0) return xml.slice(0, box.start) + xml.slice(box.end);
  let open = openTagOf(xml, box);
  if (countAttr) open = setAttr(open, 'count', String(kept.length));
  const name = open.slice(1).split(/[\s>]/)[0];
  return xml.slice(0, box.start) + open + kept.join('') + `</${name}>` + xml.slice(box.end);
}

/** Takes out the conditional formats and validations an earlier arming put in; the bureau's stay. */
export function removeArmed(xml: string): string {
  let out = xml;
  for (const box of findAll(out, 'conditionalFormatting', afterSheetData(out)).reverse()) {
    out = dropChildren(out, box, 'cfRule', (r) => decodeXml(r).includes(ARM_FORMAT_MARK), false);
  }
  const extLst = findElement(out, 'extLst', afterSheetData(out));
  const box = findElement(out, 'dataValidations', afterSheetData(out), extLst ? extLst.start : out.length);
  return box ? dropChildren(out, box, 'dataValidation', isOurValidation, true) : out;
}

/** Cells that already carry a validation of someone else's (classic or x14): ours never replace it. */
function taken(xml: string): RangeRef[] {
  const refs: string[] = [];
  for (const s of findAll(xml, 'dataValidation', afterSheetData(xml))) {
    const v = xml.slice(s.start, s.end);
    const attr = parseAttrs(openTagOf(xml, s)).get('sqref');
    if (attr !== undefined) refs.push(attr);
    const sq = findElement(v, 'sqref');
    if (sq) refs.push(decodeXml(innerOf(v, sq)));
  }
  return refs.flatMap((r) => r.trim().split(/\s+/)).map(parseRange).filter((r): r is RangeRef => r !== null);
}

function validationXml(v: ArmValidation, sqref: string, ns: string): string {
  const attrs: [string, string][] = [['type', v.type]];
  if (v.type === 'date') attrs.push(['operator', 'between']);
  attrs.push(
    ['errorStyle', v.severity === 'error' ? 'stop' : 'warning'],
    ['allowBlank', '1'],
    ['showInputMessage', '1'],
    ['showErrorMessage', '1'],
    ['errorTitle', v.error.title.slice(0, MAX_TITLE)],
    ['error', v.error.message.slice(0, MAX_ERROR)],
    ['promptTitle', v.prompt.title.slice(0, MAX_TITLE)],
    ['prompt', v.prompt.message.slice(0, MAX_PROMPT)],
    ['sqref', sqref],
  );
  const f2 = v.formula2 ? `<formula2>${escapeText(v.formula2)}</formula2>` : '';
  return `<dataValidation${ns} ${attrs.map(([k, val]) => `${k}="${escapeAttr(val)}"`).join(' ')}><formula1>${escapeText(v.formula)}</formula1>${f2}</dataValidation>`;
}

function addValidations(xml: string, validations: readonly ArmValidation[], ns: string): string {
  const cuts = taken(xml);
  const added = validations.flatMap((v) => {
    const sqref = subtractSqref(v.sqref, cuts);
    // A dropdown the bureau already gives a column is kept as the column's only one.
    if (v.type === 'list' && sqref !== v.sqref) return [];
    return sqref ? [validationXml(v, sqref, ns)] : [];
  });
  if (added.length === 0) return xml;
  const extLst = findElement(xml, 'extLst', afterSheetData(xml));
  const box = findElement(xml, 'dataValidations', afterSheetData(xml), extLst ? extLst.start : xml.length);
  if (!box) return insertInSheet(xml, `<dataValidations${ns} count="${added.length}">${added.join('')}</dataValidations>`, 'dataValidations');
  const inner = box.selfClosing ? '' : innerOf(xml, box);
  const count = findAll(xml, 'dataValidation', box.openEnd, box.end).length + added.length;
  const open = setAttr(openTagOf(xml, box).replace(/\s*\/>$/, '>'), 'count', String(count));
  const name = open.slice(1).split(/[\s>]/)[0];
  return xml.slice(0, box.start) + open + inner + added.join('') + `</${name}>` + xml.slice(box.end);
}

function addFormats(xml: string, checks: readonly ArmCheck[], dxfId: number, ns: string): string {
  if (checks.length === 0) return xml;
  const priorities = findAll(xml, 'cfRule', afterSheetData(xml)).map((s) => Number(parseAttrs(openTagOf(xml, s)).get('priority') ?? 0));
  let priority = Math.max(0, ...priorities.filter(Number.isFinite));
  const blocks = checks.map(
    (c) =>
      `<conditionalFormatting${ns} sqref="${escapeAttr(c.sqref)}"><cfRule type="expression" dxfId="${dxfId}" priority="${++priority}">` +
      `<formula>${escapeText(c.formula)}</formula></cfRule></conditionalFormatting>`,
  );
  return insertInSheet(xml, blocks.join(''), 'conditionalFormatting');
}

/**
 * Arms one worksheet's XML: earlier armed rules are taken out, then the conditional formats
 * and validations of `checks` and `validations` go in. Cells with a validation of the
 * bureau's keep it; every other byte of the part stays as it was.
 */
export function armSheetXml(xml: string, checks: readonly ArmCheck[], validations: readonly ArmValidation[], dxfId: number): string {
  const ns = namespaceFor(xml, 'worksheet', MAIN_NS);
  let out = removeArmed(xml);
  out = addFormats(out, checks, dxfId, ns);
  return addValidations(out, validations, ns);
}
