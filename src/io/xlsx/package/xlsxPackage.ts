import { a1, parseA1 } from '../../../core/model/address';
import type { WorkbookGrid } from '../../../core/model/workbook';
import { guardCorrupt, XlsxError } from '../errors';
import { ADDED_SHEET_NAME, MARKS_SHEET } from '../internal';
import { isRelType, nextRelId, REL_TYPE, relsPathOf, resolveTarget } from '../paths';
import { readFromSource, type ReadOptions } from '../read/readWorkbook';
import { readWorkbookInfo, type SheetState } from '../read/workbookInfo';
import type { CellSpec, SheetSpec, TaskpaneSpec, ValidationSpec } from '../spec';
import { FRESH_STYLES, StyleBook } from '../styleBook';
import { cellXml } from '../write/cellXml';
import { buildSheet, styleFor } from '../write/sheetXml';
import { TASKPANES_PATH, TASKPANES_RELS_PATH, taskpanesRelsXml, taskpanesXml, WEBEXTENSION_PATH, webextensionXml } from '../write/taskpane';
import { removeAttr, setAttr } from '../xml';
import { isUnsafeEntryName, writeZip } from '../zip/writeZip';
import { ZipArchive, type ZipOptions } from '../zip/readZip';
import { marksFromGrid, marksSheet, type MarkEntry } from './marks';
import { removeNotes, writeNotes, type CellNote } from './comments';
import { CONTENT_TYPE, ContentTypesDoc, EMPTY_RELS, RelsDoc } from './opc';
import { PartStore } from './partStore';
import { editSheetCells, upsertHyperlinks, type CellEdit, type SheetEdits } from './sheetEdit';
import { assertSheetName } from './sheetName';
import { replaceValidations } from './validations';
import { ARM_DXF, armSheetXml } from './armRules';
import type { ArmCheck, ArmValidation } from '../../../core/arm';
import { definedNameXml, WorkbookDoc } from './workbookDoc';

export type OpenOptions = ZipOptions;

/** Opens a workbook for lossless editing. Bad input only ever throws XlsxError. */
export function openPackage(bytes: Uint8Array, opts: OpenOptions = {}): XlsxPackage {
  return guardCorrupt(() => {
    const zip = new ZipArchive(bytes, opts);
    // A name with '..' (zip slip) is no part of a package: it is never copied into what we write.
    const parts = zip.entries.filter((e) => !isUnsafeEntryName(e.name)).map((e) => ({ name: e.name, data: zip.read(e), stored: { method: e.method, crc: e.crc, compressed: zip.compressed(e) } }));
    return new XlsxPackage(new PartStore(parts), opts);
  });
}

/**
 * A workbook package edited in place: only the parts an operation must touch change, and
 * inside them only the elements concerned; everything else is written back as it was.
 */
export class XlsxPackage {
  private readonly workbookPath: string;
  private styles: StyleBook | null = null;
  private marks: MarkEntry[] | null = null;

  /** Builds on parts that already form a workbook (see openPackage and createWorkbook). */
  constructor(
    private readonly parts: PartStore,
    private readonly zipOptions: ZipOptions = {},
  ) {
    this.workbookPath = readWorkbookInfo(parts.source()).workbookPath;
  }

  /** The values of the workbook as it stands now. */
  readGrid(opts: Pick<ReadOptions, 'sheets'> = {}): WorkbookGrid {
    return guardCorrupt(() => readFromSource(this.currentSource(), opts));
  }

  /** The workbook's sheets in tab order, with their visibility (this layer's bookkeeping sheet left out). */
  sheets(): { name: string; state: SheetState }[] {
    return new WorkbookDoc(this.workbookText())
      .sheets()
      .filter((s) => s.name !== MARKS_SHEET)
      .map((s) => ({ name: s.name, state: s.state }));
  }

  /** Puts list validations on their ranges; validations that covered those cells keep only the rest. */
  setValidations(sheet: string, validations: ValidationSpec[]): void {
    const path = this.sheetPath(sheet);
    this.parts.write(path, replaceValidations(this.parts.text(path)!, validations));
  }

  /**
   * Arms a sheet: conditional formats and validations compiled from the rules (core/arm),
   * replacing those of an earlier arming, never anyone else's. `names` are the workbook
   * names their formulas use (hidden).
   */
  armSheet(sheet: string, checks: ArmCheck[], validations: ArmValidation[], names: Readonly<Record<string, string>>): void {
    const path = this.sheetPath(sheet);
    const dxfId = this.styleBook().dxf(ARM_DXF);
    this.parts.write(path, armSheetXml(this.parts.text(path)!, checks, validations, dxfId));
    for (const [name, value] of Object.entries(names)) this.setDefinedName(name, value, true);
  }

  /** Writes values (and optional styles) into cells, keeping the rest of the sheet as it is. */
  setCells(sheet: string, cells: CellSpec[]): void {
    const path = this.sheetPath(sheet);
    const styles = this.styleBook();
    const date1904 = this.date1904();
    const edits: SheetEdits = new Map();
    const links: { ref: string; location: string }[] = [];
    let formulasReplaced = false;
    for (const cell of cells) {
      const ref = a1(cell.row, cell.col);
      if (!parseA1(ref) || cell.row >= 1048576 || cell.col >= 16384) throw new XlsxError('bad-address', { ref });
      if (cell.link) links.push({ ref, location: cell.link });
      addEdit(edits, cell.row, cell.col, (existing, base, p) => {
        if (existing?.sharedFormulaMaster) throw new XlsxError('shared-formula', { sheet, cell: ref });
        if (existing?.hasFormula) formulasReplaced = true;
        const s = styleFor(styles, existing ? (existing.style ?? 0) : base, cell.style, cell.value);
        if (cell.value === null && s === 0 && !existing) return null;
        return cellXml(ref, cell.value, s, { sheet, date1904, p });
      });
    }
    const xml = upsertHyperlinks(editSheetCells(this.parts.text(path)!, edits), links);
    this.parts.write(path, xml);
    // Excel's calculation chain lists formula cells; a stale one makes Excel repair the file.
    if (formulasReplaced) this.dropCalcChain();
  }

  /**
   * Fills cells with a colour through new cell formats that copy each cell's own format with
   * only the fill changed. The original format is remembered inside the file (very hidden sheet),
   * so clearMarks restores it exactly, in this run or a later one.
   */
  markCells(sheet: string, addresses: string[], color: string): void {
    const rgb = color.replace(/^#/, '');
    if (!/^[0-9A-Fa-f]{6}$/.test(rgb)) throw new XlsxError('bad-color', { color });
    const path = this.sheetPath(sheet);
    const styles = this.styleBook();
    const marks = this.loadMarks();
    const known = new Map(marks.filter((m) => m.sheet === sheet).map((m) => [m.ref, m]));
    const edits: SheetEdits = new Map();
    for (const address of new Set(addresses)) {
      const at = parseA1(address);
      if (!at || at.row >= 1048576 || at.col >= 16384) throw new XlsxError('bad-address', { ref: address });
      const ref = a1(at.row, at.col);
      addEdit(edits, at.row, at.col, (existing, base, p) => {
        let entry = known.get(ref);
        // A cell whose format changed since it was marked starts a fresh record.
        if (entry && (!existing || (existing.style ?? 0) !== entry.mark)) {
          marks.splice(marks.indexOf(entry), 1);
          entry = undefined;
        }
        if (!entry) {
          const original = existing ? (existing.style ?? 'none') : 'absent';
          entry = { sheet, ref, original, base: existing ? (existing.style ?? 0) : base, mark: 0 };
          marks.push(entry);
        }
        entry.mark = styles.withFill(entry.base, rgb);
        if (!existing) return `<${p}c r="${ref}" s="${entry.mark}"/>`;
        return setAttr(existing.tag, 's', String(entry.mark)) + existing.xml.slice(existing.tag.length);
      });
    }
    this.parts.write(path, editSheetCells(this.parts.text(path)!, edits));
  }

  /** Puts back the formats that markCells replaced on this sheet (cells changed since are left alone). */
  clearMarks(sheet: string): void {
    const path = this.sheetPath(sheet);
    const marks = this.loadMarks();
    const mine = marks.filter((m) => m.sheet === sheet);
    if (mine.length === 0) return;
    const edits: SheetEdits = new Map();
    for (const m of mine) {
      const at = parseA1(m.ref);
      if (!at) continue;
      addEdit(edits, at.row, at.col, (existing) => {
        if (!existing) return null;
        if ((existing.style ?? 0) !== m.mark) return existing.xml;
        if (m.original === 'absent' && !existing.hasContent) return null;
        // A cell the mark created falls back to the row or column style it was drawn from.
        const restored = m.original === 'absent' ? (m.base === 0 ? 'none' : m.base) : m.original;
        const tag = restored === 'none' ? removeAttr(existing.tag, 's') : setAttr(existing.tag, 's', String(restored));
        return tag + existing.xml.slice(existing.tag.length);
      });
    }
    this.parts.write(path, editSheetCells(this.parts.text(path)!, edits));
    this.marks = marks.filter((m) => m.sheet !== sheet);
  }

  /**
   * Writes notes on cells as legacy comments (what WPS, LibreOffice and Excel show), replacing
   * the tool's earlier ones (those starting with `prefix`); returns how many were written (none
   * on a sheet with notes of its own).
   */
  setNotes(sheet: string, notes: CellNote[], author: string, prefix: string): number {
    return writeNotes(this.parts, this.sheetPath(sheet), notes, author, prefix);
  }

  /** Removes the notes setNotes wrote on a sheet (a sheet's own notes stay). */
  clearNotes(sheet: string, prefix: string): void {
    removeNotes(this.parts, this.sheetPath(sheet), prefix);
  }

  /**
   * Adds a sheet, or replaces one this tool added before; a user's sheet of that name is never
   * overwritten. Sheets added with markAsAdded: false (a template's own) count as the user's.
   */
  addSheet(spec: SheetSpec, opts: { markAsAdded?: boolean } = {}): void {
    this.insertSheet(spec, opts.markAsAdded ?? true);
  }

  removeSheet(name: string): void {
    const sheets = new WorkbookDoc(this.workbookText()).sheets();
    const index = this.sheetIndex(name);
    const visible = sheets.filter((s, i) => s.state === 'visible' && i !== index).length;
    if (sheets[index]!.state === 'visible' && visible === 0) throw new XlsxError('last-visible-sheet', { name });
    this.deleteSheet(index);
  }

  /** Sets a workbook-level defined name (replacing one of the same name). */
  setDefinedName(name: string, value: string, hidden = false): void {
    this.replaceNames((n) => n.localSheetId === null && n.name.toLowerCase() === name.toLowerCase(), [
      definedNameXml(name, value, null, hidden),
    ]);
  }

  /** Makes Excel open the add-in's task pane with this file (web-extension parts). */
  attachTaskpane(spec: TaskpaneSpec): void {
    this.parts.write(TASKPANES_PATH, taskpanesXml());
    this.parts.write(TASKPANES_RELS_PATH, taskpanesRelsXml());
    this.parts.write(WEBEXTENSION_PATH, webextensionXml(spec));
    const rootRels = new RelsDoc(this.parts.text('_rels/.rels') ?? EMPTY_RELS);
    if (!rootRels.list().some((r) => isRelType(r.type, 'webextensionTaskpanes'))) {
      rootRels.add('rIdWebExtTp', REL_TYPE.webextensionTaskpanes, TASKPANES_PATH);
      this.parts.write('_rels/.rels', rootRels.xml);
    }
    this.editContentTypes((ct) => {
      ct.override(TASKPANES_PATH, CONTENT_TYPE.taskpanes);
      ct.override(WEBEXTENSION_PATH, CONTENT_TYPE.webextension);
    });
  }

  toBytes(): Uint8Array {
    this.flushMarks();
    this.flushStyles();
    return writeZip(this.parts.entries(), this.zipOptions);
  }

  /** Adds or (when ours, or when `replaceAny`) replaces a sheet built from a spec. */
  private insertSheet(spec: SheetSpec, markAsOurs: boolean, replaceAny = false): void {
    assertSheetName(spec.name);
    const built = buildSheet(spec, this.styleBook(), this.date1904());
    const doc = new WorkbookDoc(this.workbookText());
    const sheets = doc.sheets();
    let index = sheets.findIndex((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    const state: SheetState = spec.state ?? 'visible';
    if (index >= 0) {
      if (!replaceAny && !this.isOurs(index)) throw new XlsxError('sheet-exists', { name: sheets[index]!.name });
      this.parts.writeBytes(this.sheetPath(sheets[index]!.name), built.bytes);
      doc.setSheetState(index, state);
      this.marks = this.loadMarks().filter((m) => m.sheet !== sheets[index]!.name);
    } else {
      index = sheets.length;
      const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1);
      let n = sheets.length + 1;
      while (this.parts.has(`${dir}worksheets/sheet${n}.xml`)) n++;
      const path = `${dir}worksheets/sheet${n}.xml`;
      const rels = this.workbookRels();
      const relId = nextRelId(rels.list());
      rels.add(relId, REL_TYPE.worksheet, `worksheets/sheet${n}.xml`);
      this.parts.write(relsPathOf(this.workbookPath), rels.xml);
      this.editContentTypes((ct) => ct.override(path, CONTENT_TYPE.worksheet));
      this.parts.writeBytes(path, built.bytes);
      const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
      doc.appendSheet({ name: spec.name, sheetId, relId, state });
    }
    doc.fixViews();
    this.parts.write(this.workbookPath, doc.xml);
    const own = built.localNames.map((l) => definedNameXml(l.name, l.value, index, l.hidden ?? false));
    if (markAsOurs) own.push(definedNameXml(ADDED_SHEET_NAME, 'TRUE', index, true));
    this.replaceNames((n) => n.localSheetId === index, own);
  }

  private isOurs(index: number): boolean {
    return new WorkbookDoc(this.workbookText()).names().some((n) => n.name === ADDED_SHEET_NAME && n.localSheetId === index);
  }

  private deleteSheet(index: number): void {
    const doc = new WorkbookDoc(this.workbookText());
    const sheet = doc.sheets()[index]!;
    const path = this.sheetPath(sheet.name);
    doc.removeSheet(index);
    doc.fixViews();
    this.parts.write(this.workbookPath, doc.xml);
    const rels = this.workbookRels();
    rels.remove(sheet.relId);
    this.parts.write(relsPathOf(this.workbookPath), rels.xml);
    this.editContentTypes((ct) => ct.removeOverride(path));
    this.parts.delete(path);
    this.parts.delete(relsPathOf(path));
    // Names scoped to later sheets follow them down one place.
    const kept = new WorkbookDoc(this.workbookText())
      .names()
      .filter((n) => n.localSheetId !== index)
      .map((n) => (n.localSheetId !== null && n.localSheetId > index ? setAttr(n.raw, 'localSheetId', String(n.localSheetId - 1)) : n.raw));
    const after = new WorkbookDoc(this.workbookText());
    after.setNames(kept);
    this.parts.write(this.workbookPath, after.xml);
    this.dropCalcChain();
    this.marks = this.loadMarks().filter((m) => m.sheet !== sheet.name);
  }

  /** Replaces the defined names matching `drop` by `add` (raw XML). */
  private replaceNames(drop: (n: { name: string; localSheetId: number | null }) => boolean, add: string[]): void {
    const doc = new WorkbookDoc(this.workbookText());
    const names = doc.names();
    const kept = names.filter((n) => !drop(n)).map((n) => n.raw);
    if (kept.length === names.length && add.length === 0) return;
    doc.setNames([...kept, ...add]);
    this.parts.write(this.workbookPath, doc.xml);
  }

  private sheetIndex(name: string): number {
    const index = new WorkbookDoc(this.workbookText()).sheets().findIndex((s) => s.name === name);
    if (index < 0) throw new XlsxError('sheet-missing', { name });
    return index;
  }

  private sheetPath(name: string): string {
    const sheet = new WorkbookDoc(this.workbookText()).sheets()[this.sheetIndex(name)]!;
    const rel = this.workbookRels().list().find((r) => r.id === sheet.relId);
    const path = rel && isRelType(rel.type, 'worksheet') ? resolveTarget(this.workbookPath, rel.target) : null;
    if (!path || !this.parts.has(path)) throw new XlsxError('sheet-missing', { name });
    return path;
  }

  /** Whether the workbook counts dates from 1904 (its workbookPr says so). */
  private date1904(): boolean {
    return readWorkbookInfo(this.parts.source()).date1904;
  }

  private workbookText(): string {
    return this.parts.text(this.workbookPath)!;
  }

  private workbookRels(): RelsDoc {
    return new RelsDoc(this.parts.text(relsPathOf(this.workbookPath)) ?? EMPTY_RELS);
  }

  private editContentTypes(edit: (ct: ContentTypesDoc) => void): void {
    const ct = new ContentTypesDoc(this.parts.text('[Content_Types].xml') ?? '');
    edit(ct);
    this.parts.write('[Content_Types].xml', ct.xml);
  }

  private stylesPath(): string | null {
    const rel = this.workbookRels().list().find((r) => isRelType(r.type, 'styles'));
    return rel ? resolveTarget(this.workbookPath, rel.target) : null;
  }

  private styleBook(): StyleBook {
    if (!this.styles) {
      const path = this.stylesPath();
      this.styles = new StyleBook((path && this.parts.text(path)) || FRESH_STYLES);
    }
    return this.styles;
  }

  private flushStyles(): void {
    if (!this.styles?.changed) return;
    let path = this.stylesPath();
    if (!path) {
      const dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1);
      path = `${dir}styles.xml`;
      const rels = this.workbookRels();
      rels.add(nextRelId(rels.list()), REL_TYPE.styles, 'styles.xml');
      this.parts.write(relsPathOf(this.workbookPath), rels.xml);
      this.editContentTypes((ct) => ct.override(path!, CONTENT_TYPE.styles));
    }
    this.parts.write(path, this.styles.toXml());
  }

  /** Parts as they stand, with style additions not yet written back. */
  private currentSource() {
    const base = this.parts.source();
    const stylesPath = this.stylesPath();
    const styles = this.styles;
    if (!styles?.changed || !stylesPath) return base;
    const same = (n: string) => n.toLowerCase() === stylesPath.toLowerCase();
    return {
      has: base.has,
      bytes: (n: string) => (same(n) ? new TextEncoder().encode(styles.toXml()) : base.bytes(n)),
      text: (n: string) => (same(n) ? styles.toXml() : base.text(n)),
    };
  }

  private loadMarks(): MarkEntry[] {
    if (!this.marks) {
      const grid = readFromSource(this.parts.source(), { sheets: [MARKS_SHEET] });
      this.marks = marksFromGrid(grid.sheets[0]);
    }
    return this.marks;
  }

  /** Writes the marks memory sheet (or removes it when nothing is marked any more). */
  private flushMarks(): void {
    if (this.marks === null) return;
    const exists = new WorkbookDoc(this.workbookText()).sheets().some((s) => s.name === MARKS_SHEET);
    if (this.marks.length === 0) {
      if (exists) this.deleteSheet(this.sheetIndex(MARKS_SHEET));
      return;
    }
    const marks = this.marks;
    this.insertSheet(marksSheet(marks), false, true);
    this.marks = marks;
  }

  private dropCalcChain(): void {
    const rels = this.workbookRels();
    const chain = rels.list().find((r) => isRelType(r.type, 'calcChain'));
    if (!chain) return;
    const path = resolveTarget(this.workbookPath, chain.target);
    rels.remove(chain.id);
    this.parts.write(relsPathOf(this.workbookPath), rels.xml);
    this.editContentTypes((ct) => ct.removeOverride(path));
    this.parts.delete(path);
  }
}

function addEdit(edits: SheetEdits, row: number, col: number, edit: CellEdit): void {
  let byCol = edits.get(row);
  if (!byCol) edits.set(row, (byCol = new Map()));
  byCol.set(col, edit);
}
