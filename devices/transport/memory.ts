import { LinkListeners } from './link-listeners';
import type { ByteTransport } from './transport';

/**
 * Two transports joined in memory: a driver on one end, a simulator on the other. The demo
 * runs its simulated devices this way, byte for byte what a serial line would carry.
 */
export function memoryTransportPair(description = 'simulator'): [ByteTransport, ByteTransport] {
  const ends: [LinkListeners, LinkListeners] = [new LinkListeners(), new LinkListeners()];
  let closed = false;
  const shut = async (error?: Error) => {
    if (closed) return;
    closed = true;
    for (const end of ends) if (end.end()) end.notifyClosed(error);
  };
  const make = (self: LinkListeners, other: LinkListeners): ByteTransport => ({
    description,
    async write(data) {
      if (closed) throw new Error(`${description}: closed`);
      const copy = Uint8Array.from(data);
      setImmediate(() => {
        if (!closed) other.deliver(copy);
      });
    },
    onData: self.onData,
    onClose: self.onClose,
    close: () => shut(),
  });
  return [make(ends[0], ends[1]), make(ends[1], ends[0])];
}
