import { useEffect, useRef } from 'react';
import { Body1, Caption1, makeStyles, Subtitle2 } from '@fluentui/react-components';
import { ui } from '../i18n/zh-CN/ui';
import { usePanelStyles } from './panelStyles';
import type { ChildOf } from './child';
import type { Picked } from './useChecked';

const useStyles = makeStyles({ list: { margin: 0, paddingLeft: '1.2em' } });

/** The findings of the cell the user picked in the sheet: its message and fix, where the clerk looks. */
export function PickedFindings({ picked, childOf }: { picked: Picked; childOf: ChildOf }) {
  const panel = usePanelStyles();
  const s = useStyles();
  const p = ui.picked;
  const child = childOf(picked.findings[0]!);
  const box = useRef<HTMLElement>(null);
  // Where the pane scrolls on its own (beside the sheet), bring the explanation into sight;
  // in one column the sheet, where the user clicked, stays in view.
  useEffect(() => {
    const el = box.current;
    const pane = el?.closest('aside');
    if (el && pane && pane.scrollHeight > pane.clientHeight) el.scrollIntoView({ block: 'nearest' });
  }, [picked]);
  return (
    <section ref={box} className={panel.root} aria-label={p.label} aria-live="polite">
      <h2 className={panel.head}>
        <Subtitle2>{p.title(picked.sheet, picked.cell)}</Subtitle2>
        {child ? <Caption1>{ui.child.label(child.name, child.serial)}</Caption1> : null}
      </h2>
      <ul className={s.list}>
        {picked.findings.map((f, i) => (
          <li key={i}>
            <Body1>{`${ui.severity[f.severity]}：${f.message}`}</Body1>
            <br />
            <Caption1>{ui.report.fix(f.fix)}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
