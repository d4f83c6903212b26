import { useState } from 'react';
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ARM_PANE, ARM_TEXTS } from '../i18n/zh-CN/arm';

/** Arms the open workbook (validations and conditional formats of core/arm) and saves it; returns the file written. */
export type ArmWorkbookFn = () => Promise<string>;

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'failed'; why: string };

/** 给表格加上自动检查: a workbook that then checks itself in WPS and any Excel, and what it still cannot check. */
export function ArmButton({ arm, disabled }: { arm: ArmWorkbookFn; disabled: boolean }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const onArm = async () => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', file: await arm() });
    } catch (e) {
      setState({ kind: 'failed', why: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <>
      <Button disabled={disabled || state.kind === 'busy'} onClick={() => void onArm()}>
        {ARM_PANE.button}
      </Button>
      {state.kind === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {ARM_PANE.saved(state.file)} {ARM_TEXTS.selfChecks} {ARM_TEXTS.stillNeeded}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'failed' ? (
        <MessageBar intent="error">
          <MessageBarBody>{ARM_PANE.failed(state.why)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
