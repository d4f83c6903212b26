import { usePanelStyles } from './panelStyles';
import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { WorkbookGrid } from '../core/model/workbook';
import type { Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import type { PaneServices, TotalsTrace, TracedRow } from './services';
import type { Notice, Run } from './notice';
import { hasSelection, traceFinding, traceSelection, type TraceAt } from './traceAction';

/** Rows listed before "show more": a 总计 can count thousands. */
const PAGE = 60;

const useStyles = makeStyles({
  caption: { color: tokens.colorNeutralForeground3 },
  rows: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyleType: 'none' },
});

export interface TraceControl {
  /** 追溯汇总数 on the selected cell; null where the host has no selection or nothing traces. */
  fromSelection: (() => void) | null;
  /** 查看明细 under a totals.mismatch finding; undefined until a check gave a grid. */
  fromFinding: ((f: Finding) => void) | undefined;
  shown: TotalsTrace | null;
  close: () => void;
}

/** The trace the pane shows, and the two ways to ask for one. */
export function useTrace(services: PaneServices, run: Run, checkedGrid: WorkbookGrid | null): TraceControl {
  const [shown, setShown] = useState<TotalsTrace | null>(null);
  const { host, traceTotals } = services;
  const show = (label: string, trace: () => Promise<TraceAt>) =>
    run(label, async (): Promise<Notice> => {
      const at = await trace();
      setShown(at.trace);
      return at.trace ? null : { intent: 'warning', text: ui.trace.notFigure(at.sheet, at.a1) };
    });
  return {
    fromSelection: traceTotals && hasSelection(host) ? () => show(ui.busy.trace, () => traceSelection(host, traceTotals)) : null,
    fromFinding: traceTotals && checkedGrid ? (f) => show(ui.busy.trace, () => traceFinding(checkedGrid, f, traceTotals)) : undefined,
    shown,
    close: () => setShown(null),
  };
}

/** The figure of a totals cell and the detail rows it counts, each a link to its row. */
export function TracePanel({ trace, onSelect, onClose }: { trace: TotalsTrace; onSelect: (row: TracedRow) => void; onClose: () => void }) {
  const s = useStyles();
  const panel = usePanelStyles();
  const t = ui.trace;
  const [shownRows, setShownRows] = useState(PAGE);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    setShownRows(PAGE);
    // Asked for from a finding far down the report, the panel would otherwise open out of sight.
    root.current?.scrollIntoView?.({ block: 'nearest' });
  }, [trace]);
  const rest = trace.rows.length - shownRows;
  return (
    <section ref={root} className={panel.root} aria-label={t.regionLabel}>
      <h2 className={panel.head}>
        <Subtitle2>{trace.label}</Subtitle2>
        <Button appearance="subtle" size="small" onClick={onClose}>
          {ui.actions.close}
        </Button>
      </h2>
      <Body1>{t.figure(trace.value)}</Body1>
      {trace.rows.length === 0 ? (
        <Body1>{t.noRows}</Body1>
      ) : (
        <>
          <Caption1 className={s.caption}>{t.rowsCaption(trace.rows[0]!.sheet, trace.rows.length)}</Caption1>
          <ul className={s.rows}>
            {trace.rows.slice(0, shownRows).map((r) => (
              <li key={`${r.sheet}:${r.row}`}>
                <Link as="button" data-sheet={r.sheet} data-cell={r.cell} aria-label={t.rowLabel(r.sheet, r.row)} onClick={() => onSelect(r)}>
                  {t.row(r.row, r.cell)}
                </Link>
              </li>
            ))}
          </ul>
          {rest > 0 ? (
            <Button appearance="subtle" size="small" onClick={() => setShownRows(shownRows + PAGE * 4)}>
              {ui.actions.showMore(rest)}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
