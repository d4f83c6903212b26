import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SheetGrid } from '../core/model/workbook';
import type { Severity } from '../core/model/finding';
import { cellText, isBlank, type CellValue } from '../core/model/cell';
import { a1, columnLetter, parseA1 } from '../core/model/address';
import { browser } from '../i18n/zh-CN/browser';

const ROW_HEIGHT = 24;
const ROW_HEADER_WIDTH = 56;
/** Rows drawn beyond the visible ones, so a quick scroll shows no gap. */
const OVERSCAN = 8;
/** The official tables have about 20 columns; a sheet styled out to column XFD must not draw them all. */
const MAX_COLUMNS = 100;
/** Rows looked at to size the columns. */
const SIZING_ROWS = 300;

const useStyles = makeStyles({
  scroller: {
    flex: 1,
    minHeight: 0,
    overflow: 'auto',
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  table: {
    tableLayout: 'fixed',
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
  },
  cell: {
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  number: { textAlign: 'right' },
  /** Text runs on over empty cells to its right, as in Excel (titles, notes). */
  spill: { overflow: 'visible', textOverflow: 'clip' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
  },
  corner: { left: 0, zIndex: 3 },
  error: { backgroundColor: '#FFC7CE' },
  warning: { backgroundColor: '#FFEB9C' },
  selected: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** Cells the last 填写汇总 or 修复下拉菜单 changed. */
  changed: { backgroundColor: '#C6EFCE' },
  selectedRow: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  spacer: { padding: 0, border: 'none' },
  note: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** Rough width of a text in the grid's font: CJK characters count double. */
function textUnits(v: CellValue | undefined): number {
  const line = cellText(v).split('\n')[0] ?? '';
  let n = 0;
  for (let i = 0; i < line.length; i++) n += line.charCodeAt(i) > 0x2e80 ? 2 : 1;
  return n;
}

/**
 * Each column about as wide as its typical text (the 60th percentile): a title or a note
 * spread over the first column must not make it as wide as the page.
 */
function columnWidths(grid: SheetGrid, count: number): number[] {
  const lengths: number[][] = Array.from({ length: count }, () => []);
  for (const row of grid.rows.slice(0, SIZING_ROWS)) {
    for (let c = 0; c < Math.min(row.length, count); c++) {
      const n = textUnits(row[c]);
      if (n > 0) lengths[c]!.push(n);
    }
  }
  return lengths.map((l) => {
    l.sort((a, b) => a - b);
    const units = l[Math.floor(l.length * 0.6)] ?? 4;
    return Math.min(240, Math.max(48, units * 7 + 12));
  });
}

export interface Target {
  cell: string;
  /** Grows with each selection, so choosing the same finding again scrolls to it again. */
  seq: number;
  /** A finding's cell is scrolled into view; a cell clicked in the grid is already there. */
  scroll: boolean;
}

/**
 * A plain view of one sheet's values. Only the rows in sight are in the page (a 20,000-row
 * sheet draws a few dozen); the selected cell (a finding's, or one clicked) is outlined.
 */
export function SheetView({
  grid,
  marks,
  target,
  changed,
  onPick,
}: {
  grid: SheetGrid;
  marks: ReadonlyMap<string, Severity>;
  target: Target | null;
  changed: (row: number, col: number) => boolean;
  /** `scroll`: bring the cell into view (moved to by the keyboard; a clicked one is in view). */
  onPick: (cell: string, scroll: boolean) => void;
}) {
  const s = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const scrolledTo = useRef<number | null>(null);

  const total = grid.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const columns = Math.min(total, MAX_COLUMNS);
  const widths = useMemo(() => columnWidths(grid, columns), [grid, columns]);
  /** Left edge of each column; the last entry is the table's width. */
  const lefts = useMemo(() => {
    const out = [ROW_HEADER_WIDTH];
    for (const w of widths) out.push(out[out.length - 1]! + w);
    return out;
  }, [widths]);
  const selected = target ? parseA1(target.cell) : null;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = scroller.current;
    const at = target ? parseA1(target.cell) : null;
    if (!el || !target?.scroll || !at || scrolledTo.current === target.seq) return;
    scrolledTo.current = target.seq;
    // The header row sits above row 1, hence row + 1. A cell already in sight stays where it is.
    const top = (at.row + 1) * ROW_HEIGHT;
    const left = lefts[at.col] ?? 0;
    const right = lefts[at.col + 1] ?? left;
    if (top < el.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    }
    if (left < el.scrollLeft + ROW_HEADER_WIDTH || right > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - (el.clientWidth - ROW_HEADER_WIDTH) / 2);
    }
    setScrollTop(el.scrollTop);
  }, [target, lefts]);

  /** The grid takes focus and the arrow keys (Home, End, PageUp, PageDown) move the selected cell. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      PageDown: [page, 0],
      PageUp: [-page, 0],
    };
    const from = selected ?? { row: 0, col: 0 };
    let to: { row: number; col: number } | null = null;
    if (moves[e.key]) to = { row: from.row + moves[e.key]![0], col: from.col + moves[e.key]![1] };
    else if (e.key === 'Home') to = { row: from.row, col: 0 };
    else if (e.key === 'End') to = { row: from.row, col: columns - 1 };
    if (!to) return;
    e.preventDefault();
    const row = Math.max(0, Math.min(grid.rows.length - 1, to.row));
    const col = Math.max(0, Math.min(columns - 1, to.col));
    onPick(a1(row, col), true);
  };

  if (grid.rows.length === 0) return <div className={s.note}>{browser.emptySheet}</div>;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(grid.rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const span = columns + 1;
  const spacer = (rows: number) =>
    rows > 0 ? (
      <tr aria-hidden>
        <td className={s.spacer} colSpan={span} style={{ height: rows * ROW_HEIGHT }} />
      </tr>
    ) : null;

  return (
    <div
      ref={scroller}
      className={s.scroller}
      role="region"
      aria-label={browser.gridLabel(grid.name)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <table className={s.table} style={{ width: lefts[columns] }} aria-rowcount={grid.rows.length + 1} data-sheet={grid.name}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(s.cell, s.head, s.rowHead, s.corner)} />
            {widths.map((_, c) => (
              <th key={c} scope="col" className={mergeClasses(s.cell, s.head)}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spacer(first)}
          {grid.rows.slice(first, last).map((row, i) => {
            const r = first + i;
            const rowSelected = selected?.row === r;
            return (
              <tr key={r} aria-rowindex={r + 2}>
                <th scope="row" className={mergeClasses(s.cell, s.rowHead, rowSelected && s.selectedRow)}>
                  {r + 1}
                </th>
                {widths.map((_, c) => {
                  const ref = a1(r, c);
                  const value = row[c];
                  const text = cellText(value);
                  const mark = marks.get(ref);
                  const isSelected = rowSelected && selected?.col === c;
                  const isChanged = changed(r, c);
                  return (
                    <td
                      key={c}
                      data-cell={ref}
                      data-selected={isSelected || undefined}
                      data-mark={mark}
                      data-changed={isChanged || undefined}
                      title={text || undefined}
                      onClick={() => onPick(ref, false)}
                      className={mergeClasses(
                        s.cell,
                        typeof value === 'number' && s.number,
                        typeof value === 'string' && c + 1 < columns && isBlank(row[c + 1]) && s.spill,
                        isChanged && s.changed,
                        mark && s[mark],
                        isSelected && s.selected,
                      )}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {spacer(grid.rows.length - last)}
        </tbody>
      </table>
      <div className={s.srOnly} aria-live="polite">
        {selected ? browser.cellSaid(a1(selected.row, selected.col), cellText(grid.rows[selected.row]?.[selected.col])) : ''}
      </div>
      {total > columns ? <div className={s.note}>{browser.columnsCut(columns, total)}</div> : null}
    </div>
  );
}
