import type { Port } from './port';

/**
 * The part of a MessagePort that Electron's MessagePortMain (main and utility processes) and
 * the DOM's MessagePort (preload) share, once started.
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  on?(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on?(event: 'close', listener: () => void): unknown;
  addEventListener?(event: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener?(event: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/** Electron's transport: the bridge on a MessagePort handed over by the main process. */
export function messagePortPort(port: MessagePortLike): Port {
  const messageHandlers = new Set<(m: unknown) => void>();
  const closeHandlers = new Set<() => void>();
  let closed = false;
  const onMessage = (event: { data: unknown }) => {
    for (const h of messageHandlers) h(event.data);
  };
  const onClose = () => {
    if (closed) return;
    closed = true;
    for (const h of closeHandlers) h();
  };
  if (port.on) {
    port.on('message', onMessage);
    port.on('close', onClose);
  } else {
    port.addEventListener?.('message', onMessage);
    port.addEventListener?.('close', onClose);
  }
  port.start();
  return {
    send(message) {
      if (closed) throw new Error('port closed');
      port.postMessage(message);
    },
    onMessage(handler) {
      messageHandlers.add(handler);
      return () => messageHandlers.delete(handler);
    },
    onClose(handler) {
      closeHandlers.add(handler);
      return () => closeHandlers.delete(handler);
    },
    close() {
      port.close();
      onClose();
    },
  };
}
