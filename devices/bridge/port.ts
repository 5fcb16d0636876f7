// A duplex channel of JSON messages. Electron's MessagePort, a WebSocket and an in-memory
// pair all fit behind it, so the bridge is written once.
export interface Port {
  send(message: unknown): void;
  onMessage(handler: (message: unknown) => void): () => void;
  onClose(handler: () => void): () => void;
  close(): void;
}

/** Two ports wired to each other in memory, for the in-process bridge and unit tests. */
export function portPair(): [Port, Port] {
  type Side = { handlers: Set<(m: unknown) => void>; closers: Set<() => void>; closed: boolean };
  const a: Side = { handlers: new Set(), closers: new Set(), closed: false };
  const b: Side = { handlers: new Set(), closers: new Set(), closed: false };
  const closeBoth = () => {
    for (const side of [a, b]) {
      if (side.closed) continue;
      side.closed = true;
      for (const h of side.closers) h();
    }
  };
  const make = (self: Side, other: Side): Port => ({
    send(message) {
      if (self.closed) throw new Error('port closed');
      // Structured like a real transport: the receiver never shares objects with the sender,
      // and delivery is asynchronous.
      const copy = JSON.parse(JSON.stringify(message)) as unknown;
      queueMicrotask(() => {
        if (!other.closed) for (const h of other.handlers) h(copy);
      });
    },
    onMessage(handler) {
      self.handlers.add(handler);
      return () => self.handlers.delete(handler);
    },
    onClose(handler) {
      self.closers.add(handler);
      return () => self.closers.delete(handler);
    },
    close: closeBoth,
  });
  return [make(a, b), make(b, a)];
}
