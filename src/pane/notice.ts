/** What an action tells the user when it ends (null: nothing to say). */
export type Notice = { intent: 'success' | 'warning' | 'error'; text: string } | null;

/** The pane's way to run an action: a busy label while it runs, an error state with a retry when it fails. */
export type Run = (label: string, action: () => Promise<Notice>) => void;
