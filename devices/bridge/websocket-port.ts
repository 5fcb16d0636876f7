import type { Port } from './port';

/** The part of the WebSocket API that both the browser's and the `ws` package's share. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: () => void): void;
}

const OPEN = 1;

export function websocketPort(socket: WebSocketLike): Port {
  return {
    send(message) {
      if (socket.readyState !== OPEN) throw new Error('socket not open');
      socket.send(JSON.stringify(message));
    },
    onMessage(handler) {
      const listener = (event: { data: unknown }) => {
        const text = typeof event.data === 'string' ? event.data : String(event.data);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return; // Not JSON: not ours; the receiver validates everything anyway.
        }
        handler(parsed);
      };
      socket.addEventListener('message', listener);
      return () => socket.removeEventListener('message', listener);
    },
    onClose(handler) {
      socket.addEventListener('close', handler);
      return () => socket.removeEventListener('close', handler);
    },
    close() {
      socket.close();
    },
  };
}
