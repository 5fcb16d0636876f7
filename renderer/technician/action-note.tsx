import type { ActionMessage } from './use-action';

/** An action's last message: an alert when it failed, a polite status when it went well. */
export function ActionNote({ message }: { message: ActionMessage | undefined }) {
  return message ? (
    <p
      className={message.error ? 'tech-error' : 'tech-success'}
      role={message.error ? 'alert' : 'status'}
    >
      {message.text}
    </p>
  ) : null;
}
