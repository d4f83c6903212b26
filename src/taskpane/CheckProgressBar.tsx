import { useSyncExternalStore } from 'react';
import { Button, Caption1, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { ui } from '../i18n/zh-CN/ui';
import type { WorkerCheck } from './workerCheck';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

/** While a check runs in the worker: how far it is, and a button to stop it. */
export function CheckProgressBar({ runner }: { runner: WorkerCheck }) {
  const s = useStyles();
  const progress = useSyncExternalStore(
    (notify) => runner.subscribe(notify),
    () => runner.current(),
  );
  if (!progress) return null;
  const sending = progress.stage === 'send';
  return (
    <div className={s.root} role="status">
      <ProgressBar value={sending && progress.total > 0 ? progress.done / progress.total : undefined} />
      <div className={s.row}>
        <Caption1>{sending ? ui.checkProgress.sending(progress.done, progress.total) : ui.checkProgress.checking(progress.total)}</Caption1>
        <Button size="small" onClick={() => runner.cancel()}>
          {ui.checkProgress.cancel}
        </Button>
      </div>
    </div>
  );
}
