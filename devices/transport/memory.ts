import type { ByteTransport } from './transport';

/**
 * Two transports joined in memory: a driver on one end, a simulator on the other. The demo
 * runs its simulated devices this way, byte for byte what a serial line would carry.
 */
export function memoryTransportPair(description = 'simulator'): [ByteTransport, ByteTransport] {
  type End = { data: Set<(c: Uint8Array) => void>; close: Set<(e?: Error) => void> };
  const ends: [End, End] = [
    { data: new Set(), close: new Set() },
    { data: new Set(), close: new Set() },
  ];
  let closed = false;
  const shut = async (error?: Error) => {
    if (closed) return;
    closed = true;
    for (const end of ends) for (const h of end.close) h(error);
  };
  const make = (self: End, other: End): ByteTransport => ({
    description,
    async write(data) {
      if (closed) throw new Error(`${description}: closed`);
      const copy = Uint8Array.from(data);
      setImmediate(() => {
        if (!closed) for (const h of other.data) h(copy);
      });
    },
    onData(handler) {
      self.data.add(handler);
      return () => self.data.delete(handler);
    },
    onClose(handler) {
      self.close.add(handler);
      return () => self.close.delete(handler);
    },
    close: () => shut(),
  });
  return [make(ends[0], ends[1]), make(ends[1], ends[0])];
}
