import { useState } from 'react';
import { Caption1, makeStyles, Switch, tokens } from '@fluentui/react-components';
import { ui } from '../i18n/zh-CN/ui';

export interface AutoOpenSetting {
  on(): boolean;
  set(on: boolean): Promise<void>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}` },
  hint: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** The user's switch for opening the pane with this workbook: the workbook is tagged only from here. */
export function AutoOpenSwitch({ setting }: { setting: AutoOpenSetting }) {
  const s = useStyles();
  const [on, setOn] = useState(() => setting.on());
  const [failed, setFailed] = useState(false);
  const change = (next: boolean) => {
    setFailed(false);
    setOn(next);
    setting.set(next).catch(() => {
      setOn(!next);
      setFailed(true);
    });
  };
  return (
    <div className={s.root}>
      <Switch checked={on} label={ui.autoOpen.label} onChange={(_, d) => change(d.checked)} />
      <Caption1 className={failed ? s.failed : s.hint}>{failed ? ui.autoOpen.failed : ui.autoOpen.hint}</Caption1>
    </div>
  );
}
