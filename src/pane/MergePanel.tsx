import { usePanelStyles } from './panelStyles';
import { useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { Body1, Body1Strong, Button, Caption1, Link, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { ui } from '../i18n/zh-CN/ui';
import { baseName } from '../core/merge/source';
import type { MergeOutcome, PaneServices, SchoolFile } from './services';
import type { Notice, Run } from './notice';
import { mergeSchools, type Merged } from './mergeAction';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  rejected: { color: tokens.colorPaletteRedForeground1 },
  hidden: { display: 'none' },
});

export interface MergeControl {
  /** Opens the file picker; null where the services cannot merge. */
  pick: (() => void) | null;
  input: RefObject<HTMLInputElement>;
  onFiles: (e: ChangeEvent<HTMLInputElement>) => void;
  shown: MergeOutcome | null;
  close: () => void;
}

function noticeOf({ outcome, written }: Merged): Notice {
  const rejected = outcome.inputs.filter((i) => i.status === 'rejected').length;
  if (!written) return { intent: 'warning', text: ui.merge.nothingMerged(outcome.inputs.length) };
  const text = written.kind === 'sheets' ? ui.merge.wroteSheets(written.names) : ui.merge.wroteFile(written.name);
  return rejected > 0 ? { intent: 'warning', text: text + ui.merge.someRejected(rejected) } : { intent: 'success', text };
}

async function readPicked(files: readonly File[]): Promise<SchoolFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** 合并工作簿: the picker, the merge, and its report. */
export function useMerge(services: PaneServices, run: Run): MergeControl {
  const [shown, setShown] = useState<MergeOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { mergeFiles } = services;
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    // Picking the same files again must fire another change.
    e.target.value = '';
    if (!mergeFiles || files.length === 0) return;
    run(ui.busy.merge(files.length), async () => {
      const merged = await mergeSchools(services, mergeFiles, await readPicked(files));
      setShown(merged.outcome);
      return noticeOf(merged);
    });
  };
  return { pick: mergeFiles ? () => input.current?.click() : null, input, onFiles, shown, close: () => setShown(null) };
}

/** The toolbar button with its hidden file input. */
export function MergeButton({ merge, disabled }: { merge: MergeControl & { pick: () => void }; disabled: boolean }) {
  const s = useStyles();
  return (
    <>
      <Button disabled={disabled} onClick={merge.pick}>
        {ui.actions.merge}
      </Button>
      <input ref={merge.input} className={s.hidden} type="file" multiple accept=".xlsx" aria-label={ui.merge.pickLabel} onChange={merge.onFiles} />
    </>
  );
}

/**
 * What the merge did with each file, and the children reported by two schools; with `onSelect`
 * (the result is in the open workbook) a click shows the child's first row in the merged list.
 */
export function MergeReport({ outcome, onSelect, onClose }: { outcome: MergeOutcome; onSelect?: (sheet: string, a1: string) => void; onClose: () => void }) {
  const s = useStyles();
  const panel = usePanelStyles();
  const m = ui.merge;
  const merged = outcome.inputs.filter((i) => i.status === 'merged');
  const list = outcome.listSheet;
  return (
    <section className={panel.root} aria-label={m.regionLabel}>
      <h2 className={panel.head}>
        <Subtitle2>{m.regionLabel}</Subtitle2>
        <Button appearance="subtle" size="small" onClick={onClose}>
          {ui.actions.close}
        </Button>
      </h2>
      <Body1 role="status">
        {outcome.title ? m.summary(outcome.title, outcome.inputs.length, merged.length, outcome.rows) : m.nothingMerged(outcome.inputs.length)}
      </Body1>
      <Caption1>{m.inputsTitle}</Caption1>
      <ul className={s.list}>
        {outcome.inputs.map((i, k) => (
          <li key={k} data-status={i.status} className={i.status === 'rejected' ? s.rejected : undefined}>
            <Text size={200}>
              {i.status === 'merged' ? m.mergedInput(baseName(i.file), i.school ?? '', i.rows ?? 0) : m.rejectedInput(baseName(i.file), i.reason ?? '')}
            </Text>
          </li>
        ))}
      </ul>
      {outcome.duplicates.length > 0 ? (
        <>
          <Body1Strong>{m.duplicatesTitle(outcome.duplicates.length)}</Body1Strong>
          <ul className={s.list}>
            {outcome.duplicates.map((d, k) => (
              <li key={k}>
                {list && onSelect ? (
                  <Link as="button" data-sheet={list} data-cell={`A${d.rows[0]}`} aria-label={m.duplicateLabel(d.message)} onClick={() => onSelect(list, `A${d.rows[0]}`)}>
                    {d.message}
                  </Link>
                ) : (
                  <Text size={200}>{d.message}</Text>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
