import { useState } from 'react';
import { Body1, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle1, tokens } from '@fluentui/react-components';
import type { Finding } from '../core/model/finding';
import { ui } from '../i18n/zh-CN/ui';
import type { PaneServices } from './services';
import type { Notice } from './notice';
import { checkWorkbook, isReviewSheet, repairDropdowns, today, writeReview, writeTotals, type Checked } from './actions';
import { Report } from './Report';
import { TracePanel, useTrace } from './TracePanel';
import { MergeButton, MergeReport, useMerge } from './MergePanel';
import { ArmButton } from './ArmButton';
import { reviewSheet } from './reviewSheet';
import { describeChanges, type Change } from './changes';
import { useChecked } from './useChecked';
import { usePrint } from './PrintView';
import { PickedFindings } from './PickedFindings';
import { NoticesPanel } from './NoticesPanel';

type Phase = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'failed'; message: string; retry: () => void } | { kind: 'done' };

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    minHeight: '100vh',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tagline: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

function describe(e: unknown): string {
  if (e instanceof Error && e.name === 'HostError') return e.message;
  return ui.errors.generic(e instanceof Error ? e.message : String(e));
}

/** The pane: check the open workbook, walk through its findings, and act on them. */
export function Pane({ services }: { services: PaneServices }) {
  const s = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [checked, setChecked] = useState<Checked | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [notices, setNotices] = useState(false);
  const { host } = services;
  const busy = phase.kind === 'busy';

  /** Runs one action with its busy label; failures become an error state with a retry. */
  const run = (label: string, action: () => Promise<Notice>) => {
    const attempt = async () => {
      setNotice(null);
      setPhase({ kind: 'busy', label });
      try {
        setNotice(await action());
        setPhase({ kind: 'done' });
      } catch (e) {
        setPhase({ kind: 'failed', message: describe(e), retry: () => void attempt() });
      }
    };
    void attempt();
  };

  const recheck = async () => {
    const result = await checkWorkbook(services, () => setPhase({ kind: 'busy', label: ui.busy.checking }));
    setChecked(result);
    // Best effort: a workbook that cannot be tagged (read-only, say) still gets its report.
    await services.onChecked?.().catch(() => undefined);
  };
  const onCheck = () =>
    run(ui.busy.reading, async () => {
      await recheck();
      return null;
    });

  /** After an edit the check runs again by itself; the message names what changed, the page highlights it. */
  const changed = async (changes: Change[], done: string): Promise<Notice> => {
    await recheck();
    services.showChanges?.(changes);
    return { intent: 'success', text: done + describeChanges(changes.filter((c) => c.ranges.length > 0)) };
  };

  const needCheck = (label: string, action: (c: Checked) => Promise<Notice>) => () =>
    checked ? run(label, () => action(checked)) : setNotice({ intent: 'warning', text: ui.errors.checkFirst });

  const onMark = needCheck(ui.busy.marking, async (c) => {
    const r = await host.markFindings(c.report.findings);
    const text = ui.done.marked(r.cells, r.notes) + (r.notes > 0 && r.withoutNote > 0 ? ui.done.withoutNote(r.withoutNote) : '');
    return { intent: 'success', text };
  });

  const onClear = () =>
    run(ui.busy.clearing, async () => {
      await host.clearMarks();
      return { intent: 'success', text: ui.done.cleared };
    });

  const onReview = needCheck(ui.busy.review, async (c) => {
    const name = await writeReview(host, c, (services.today ?? today)());
    return { intent: 'success', text: ui.done.review(name) };
  });

  const onRepair = () =>
    run(ui.busy.repair, async () => {
      const changes = await repairDropdowns(host);
      const n = changes.reduce((k, c) => k + c.ranges.length, 0);
      return n > 0 ? changed(changes, ui.done.repaired(n)) : { intent: 'warning', text: ui.done.nothingToRepair };
    });

  const fillTotals = services.fillTotals;
  const onTotals = fillTotals
    ? () =>
        run(ui.busy.totals, async () => {
          const changes = await writeTotals(host, fillTotals);
          return changes.length > 0 ? changed(changes, ui.done.totals(changes.length)) : { intent: 'warning', text: ui.done.nothingToTotal };
        })
    : null;

  const selectCell = (sheet: string, a1: string) => {
    host.selectCell(sheet, a1).catch((e: unknown) => setNotice({ intent: 'error', text: describe(e) }));
  };
  const onSelect = (f: Finding) => selectCell(f.sheet, f.cell);

  const date = (services.today ?? today)();
  const { childOf, picked } = useChecked(services, checked);
  const print = usePrint(checked?.report ?? null, services.print);
  const { saveWorkbook } = services;
  const onExport =
    saveWorkbook && checked
      ? () =>
          run(ui.busy.review, async () => {
            const base = services.fileBase?.() ?? '';
            const sheet = reviewSheet(checked.report, date, ui.review.sheetName, { childOf, links: false });
            const file = await saveWorkbook({ sheets: [sheet] }, ui.review.fileName(base));
            return { intent: 'success', text: ui.review.exported(file) };
          })
      : null;

  const trace = useTrace(services, run, checked?.grid ?? null);
  const merge = useMerge(services, run);
  const { pick } = merge;

  return (
    <main className={s.root} aria-busy={busy}>
      <header className={s.header}>
        <Subtitle1 as="h1">{ui.appName}</Subtitle1>
        <Body1 className={s.tagline}>{ui.tagline}</Body1>
      </header>
      <div className={s.actions} role="toolbar" aria-label={ui.appName}>
        <Button appearance="primary" disabled={busy} onClick={onCheck}>
          {ui.actions.check}
        </Button>
        <Button disabled={busy || !checked} onClick={onMark}>
          {ui.actions.mark}
        </Button>
        <Button disabled={busy} onClick={onClear}>
          {ui.actions.clear}
        </Button>
        <Button disabled={busy || !checked} onClick={onReview}>
          {ui.actions.review}
        </Button>
        <Button disabled={busy} onClick={onRepair}>
          {ui.actions.repair}
        </Button>
        {onTotals ? (
          <Button disabled={busy} onClick={onTotals}>
            {ui.actions.totals}
          </Button>
        ) : null}
        {trace.fromSelection ? (
          <Button disabled={busy} onClick={trace.fromSelection}>
            {ui.actions.trace}
          </Button>
        ) : null}
        {pick ? <MergeButton merge={{ ...merge, pick }} disabled={busy} /> : null}
        {services.armWorkbook ? <ArmButton arm={services.armWorkbook} disabled={busy} /> : null}
        {onExport ? (
          <Button disabled={busy} onClick={onExport}>
            {ui.actions.exportReview}
          </Button>
        ) : null}
        <Button disabled={busy} onClick={() => setNotices(true)}>
          {ui.actions.notices}
        </Button>
        {print.onPrint ? (
          <Button disabled={busy} onClick={print.onPrint}>
            {ui.actions.printReview}
          </Button>
        ) : null}
      </div>
      {notice ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {phase.kind === 'busy' ? <Spinner size="small" label={phase.label} /> : null}
      {phase.kind === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{phase.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={phase.retry}>
              {ui.actions.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {notices ? <NoticesPanel services={services} run={run} onClose={() => setNotices(false)} /> : null}
      {trace.shown ? <TracePanel trace={trace.shown} onSelect={(r) => selectCell(r.sheet, r.cell)} onClose={trace.close} /> : null}
      {merge.shown ? (
        <MergeReport outcome={merge.shown} onSelect={services.writeMerged ? undefined : selectCell} onClose={merge.close} />
      ) : null}
      {!checked && !busy && !trace.shown && !merge.shown ? (
        <div className={s.empty}>
          <Subtitle1 as="h2">{ui.empty.title}</Subtitle1>
          <Body1>{ui.empty.body}</Body1>
        </div>
      ) : null}
      {picked && picked.findings.length > 0 ? <PickedFindings picked={picked} childOf={childOf} /> : null}
      {checked ? (
        <Report
          report={checked.report}
          hidden={(n) => isReviewSheet(checked.grid, n)}
          onSelect={onSelect}
          onTrace={trace.fromFinding}
          childOf={childOf}
          picked={picked}
        />
      ) : null}
      {print.view({ childOf, date, title: ui.review.printTitle(services.fileBase?.() ?? '') })}
    </main>
  );
}
