/// <reference lib="webworker" />
import { errorSummary } from '../error-summary';
import { createSyncRuntime } from './sync-runtime';
import { ToWorker } from './worker-messages';

/** The Web Worker entry: the drain never competes with the citizen's screen for the main thread. */
declare const self: DedicatedWorkerGlobalScope;

const runtime = createSyncRuntime((message) => self.postMessage(message));

self.addEventListener('message', (event: MessageEvent) => {
  const parsed = ToWorker.safeParse(event.data);
  if (!parsed.success) return;
  runtime.handle(parsed.data).catch((error: unknown) => {
    self.postMessage({
      type: 'fatal',
      message: errorSummary(error, 'worker error'),
    });
  });
});
// The browser's link events reach the worker too; the engine treats them as hints only.
self.addEventListener('online', () => void runtime.handle({ type: 'link', up: true }));
self.addEventListener('offline', () => void runtime.handle({ type: 'link', up: false }));
