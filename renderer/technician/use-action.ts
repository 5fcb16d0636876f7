import { useState } from 'react';

/** What an action left to say: its result, or why it failed. */
export interface ActionMessage {
  text: string;
  error: boolean;
}

export interface Action {
  /** True from `run` until the action settles; a panel disables its button meanwhile. */
  busy: boolean;
  message: ActionMessage | undefined;
  /**
   * Runs `action`, clearing the last message first. On success `done` may give a line to
   * show; on failure `failed` gives the error's line.
   */
  run<T>(
    action: () => Promise<T>,
    done: (result: T) => string | undefined,
    failed: (failure: unknown) => string,
  ): void;
  /** Sets the message outside an action (a failed load) or clears it. */
  say(message: ActionMessage | undefined): void;
}

/** The technician panels' one action at a time, with its busy flag and its last message. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | undefined>();
  const run: Action['run'] = (action, done, failed) => {
    setBusy(true);
    setMessage(undefined);
    action().then(
      (result) => {
        const text = done(result);
        if (text !== undefined) setMessage({ text, error: false });
        setBusy(false);
      },
      (failure: unknown) => {
        setMessage({ text: failed(failure), error: true });
        setBusy(false);
      },
    );
  };
  return { busy, message, run, say: setMessage };
}
