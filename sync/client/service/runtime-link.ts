import { createSyncRuntime } from '../worker/sync-runtime';
import type { ToWorker } from '../worker/worker-messages';

export type RuntimeKind = 'worker' | 'inline';

/**
 * Starts the sync engine in a Web Worker (or inline where there is none, and in tests) and
 * returns how to talk to it. Its messages arrive unparsed: they cross a structured clone.
 */
export function startRuntime(
  kind: RuntimeKind | undefined,
  start: Extract<ToWorker, { type: 'start' }>,
  onMessage: (data: unknown) => void,
): (message: ToWorker) => void {
  let send: (message: ToWorker) => void;
  if (kind !== 'inline' && typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('../worker/sync-worker.ts', import.meta.url), {
      type: 'module',
      name: 'budayang-sync',
    });
    worker.addEventListener('message', (event: MessageEvent) => onMessage(event.data));
    send = (message) => worker.postMessage(message);
  } else {
    const runtime = createSyncRuntime(onMessage);
    send = (message) => void runtime.handle(message);
  }
  send(start);
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => send({ type: 'link', up: true }));
    window.addEventListener('offline', () => send({ type: 'link', up: false }));
  }
  return send;
}
