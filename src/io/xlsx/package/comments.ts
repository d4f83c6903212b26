import { parseA1 } from '../../../core/model/address';
import { nextRelId, relsPathOf, resolveTarget } from '../paths';
import { decodeXstring, escapeAttr, escapeText, findAll, findElement, innerOf, openTagOf, parseAttrs } from '../xml';
import { ContentTypesDoc, EMPTY_RELS, RelsDoc } from './opc';
import type { PartStore } from './partStore';
import { afterSheetData, insertInSheet } from './sheetEdit';
import { rootPrefix } from '../read/prefix';

/** A cell's note: what the tool found there and how to fix it. */
export interface CellNote {
  ref: string;
  text: string;
}

const REL = {
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
};
const TYPE = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A note holds up to 32,767 characters; a long one is cut (the 审核意见 has every word). */
const MAX_NOTE = 4000;

const endsWith = (type: string, full: string) => type.endsWith(full.slice(full.lastIndexOf('/')));

function commentsXml(notes: readonly CellNote[], author: string): string {
  const items = notes.map(
    (n) => `<comment ref="${n.ref}" authorId="0"><text><t xml:space="preserve">${escapeText(n.text.slice(0, MAX_NOTE))}</t></text></comment>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${escapeText(author)}</author></authors>` +
    `<commentList>${items.join('')}</commentList></comments>`
  );
}

/** Shape ids come in blocks of 1024 per drawing; each drawing gets blocks of its own. */
const BLOCKS_PER_DRAWING = 64;
/** Notes on one sheet beyond this many are left to the 审核意见 (the drawing's shape ids run out). */
export const MAX_NOTES = BLOCKS_PER_DRAWING * 1024;

/** The VML shapes the legacy notes are drawn with: hidden until the cell is pointed at, as Excel writes them. */
function vmlXml(notes: readonly CellNote[], drawing: number): string {
  const block = drawing * BLOCKS_PER_DRAWING;
  const blocks = Array.from({ length: Math.max(1, Math.ceil(notes.length / 1024)) }, (_, i) => block + i);
  const shapes = notes.map((n, i) => {
    const at = parseA1(n.ref)!;
    const anchor = [at.col + 1, 15, at.row, 2, at.col + 5, 15, at.row + 7, 4].join(', ');
    return (
      `<v:shape id="_x0000_s${block * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:110pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${at.row}</x:Row><x:Column>${at.col}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

function freeName(parts: PartStore, make: (n: number) => string): { name: string; n: number } {
  let n = 1;
  while (parts.has(make(n))) n++;
  return { name: make(n), n };
}

/** Relative target from a sheet (xl/worksheets/sheet1.xml) to a part (xl/comments1.xml). */
function relative(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function editContentTypes(parts: PartStore, edit: (ct: ContentTypesDoc) => void): void {
  const ct = new ContentTypesDoc(parts.text('[Content_Types].xml') ?? '');
  edit(ct);
  parts.write('[Content_Types].xml', ct.xml);
}

/** The sheet's comments part and its VML drawing, with their relationship ids. */
function existing(parts: PartStore, sheetPath: string) {
  const rels = new RelsDoc(parts.text(relsPathOf(sheetPath)) ?? EMPTY_RELS);
  const list = rels.list();
  const comments = list.find((r) => endsWith(r.type, REL.comments));
  const sheet = parts.text(sheetPath)!;
  const legacy = findElement(sheet, 'legacyDrawing', afterSheetData(sheet));
  const legacyId = legacy ? [...parseAttrs(openTagOf(sheet, legacy))].find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] : undefined;
  const vml = list.find((r) => r.id === legacyId);
  return { rels, comments, legacy, vml };
}

/** Whether every note of the comments part starts with `prefix`: the tool wrote them all. */
function allOurs(parts: PartStore, path: string, prefix: string): boolean {
  const xml = parts.text(path);
  if (!xml) return false;
  return findAll(xml, 'comment').every((s) => commentText(innerOf(xml, s)).startsWith(prefix));
}

/**
 * Removes the notes the tool wrote on a sheet (every note starting with `prefix`): the comments
 * part, its VML drawing, their relationships and content types. A sheet with notes of its own is left alone.
 */
export function removeNotes(parts: PartStore, sheetPath: string, prefix: string): void {
  const { rels, comments, legacy, vml } = existing(parts, sheetPath);
  if (!comments) return;
  const commentsPath = resolveTarget(sheetPath, comments.target);
  if (!allOurs(parts, commentsPath, prefix)) return;
  parts.delete(commentsPath);
  rels.remove(comments.id);
  const drop = [commentsPath];
  if (vml && legacy) {
    const vmlPath = resolveTarget(sheetPath, vml.target);
    parts.delete(vmlPath);
    drop.push(vmlPath);
    rels.remove(vml.id);
    const sheet = parts.text(sheetPath)!;
    parts.write(sheetPath, sheet.slice(0, legacy.start) + sheet.slice(legacy.end));
  }
  if (rels.list().length === 0) parts.delete(relsPathOf(sheetPath));
  else parts.write(relsPathOf(sheetPath), rels.xml);
  editContentTypes(parts, (ct) => drop.forEach((p) => ct.removeOverride(p)));
}

/**
 * Writes the notes as legacy comments (a comments part and its VML drawing), what WPS,
 * LibreOffice and every Excel show when the cell is pointed at. Replaces the tool's earlier
 * notes; returns how many were written: none where the sheet has notes or a VML drawing of its own.
 */
export function writeNotes(parts: PartStore, sheetPath: string, notes: readonly CellNote[], author: string, prefix: string): number {
  removeNotes(parts, sheetPath, prefix);
  const { rels, comments, legacy } = existing(parts, sheetPath);
  if (comments || legacy) return 0;
  if (notes.length === 0) return 0;
  const dir = sheetPath.slice(0, sheetPath.indexOf('/') + 1);
  const sorted = notes.slice(0, MAX_NOTES).sort((a, b) => {
    const x = parseA1(a.ref)!;
    const y = parseA1(b.ref)!;
    return x.row - y.row || x.col - y.col;
  });
  const c = freeName(parts, (n) => `${dir}comments${n}.xml`);
  const v = freeName(parts, (n) => `${dir}drawings/vmlDrawing${n}.vml`);
  parts.write(c.name, commentsXml(sorted, author));
  parts.write(v.name, vmlXml(sorted, v.n));
  const commentsId = nextRelId(rels.list());
  rels.add(commentsId, REL.comments, relative(sheetPath, c.name));
  const vmlId = nextRelId(rels.list());
  rels.add(vmlId, REL.vmlDrawing, relative(sheetPath, v.name));
  parts.write(relsPathOf(sheetPath), rels.xml);
  const sheet = parts.text(sheetPath)!;
  const p = rootPrefix(sheet, 'worksheet');
  parts.write(sheetPath, insertInSheet(sheet, `<${p}legacyDrawing xmlns:r="${R_NS}" r:id="${escapeAttr(vmlId)}"/>`, 'legacyDrawing'));
  editContentTypes(parts, (ct) => {
    ct.override(c.name, TYPE.comments);
    ct.override(v.name, TYPE.vml);
  });
  return sorted.length;
}

/** A comment's text: its runs' <t> elements joined (enough to recognise our own notes by their prefix). */
function commentText(fragment: string): string {
  let out = '';
  for (const s of findAll(fragment, 't')) out += innerOf(fragment, s);
  return decodeXstring(out);
}
