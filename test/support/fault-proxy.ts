import net from 'node:net';

/**
 * A TCP proxy between the kiosk and the platform that misbehaves on purpose, per connection:
 * passes, drops (never answers), delays, truncates the response mid-stream, or resets. It
 * works below HTTP so the faults are the ones a real 4G router produces, not polite 503s.
 */
export type Fault = 'pass' | 'blackhole' | 'delay' | 'truncate' | 'reset' | 'refuse';

export interface FaultProxyOptions {
  targetPort: number;
  targetHost?: string;
  listenPort?: number;
  /** Chooses the fault of each new connection; defaults to `pass`. */
  choose?: () => Fault;
  delayMs?: number;
}

export interface FaultProxy {
  port: number;
  /** Replaces the fault chooser; `offline()` is `setChooser(() => 'refuse')`. */
  setChooser(choose: () => Fault): void;
  offline(): void;
  online(): void;
  /** Connections seen per fault. */
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let choose = options.choose ?? (() => 'pass' as Fault);
  const delayMs = options.delayMs ?? 300;
  const sockets = new Set<net.Socket>();
  const counts: Record<Fault, number> = {
    pass: 0,
    blackhole: 0,
    delay: 0,
    truncate: 0,
    reset: 0,
    refuse: 0,
  };

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    const fault = choose();
    counts[fault] += 1;
    if (fault === 'refuse' || fault === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (fault === 'blackhole') {
      // Swallow everything; the client's own timeout has to save it.
      client.on('data', () => {});
      setTimeout(() => client.destroy(), 20_000).unref();
      return;
    }
    const upstream = net.connect(options.targetPort, options.targetHost ?? '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk) => {
      if (fault === 'delay') setTimeout(() => upstream.write(chunk), delayMs);
      else upstream.write(chunk);
    });
    let forwarded = 0;
    // Cut after the status line and some headers: the request reached the platform, the
    // answer never reaches the kiosk.
    const truncateAt = 40 + Math.floor(Math.random() * 200);
    upstream.on('data', (chunk: Buffer) => {
      if (fault === 'truncate') {
        const room = truncateAt - forwarded;
        if (room > 0) client.write(chunk.subarray(0, room));
        forwarded += chunk.length;
        if (forwarded >= truncateAt) {
          client.resetAndDestroy();
          upstream.destroy();
        }
        return;
      }
      if (fault === 'delay') setTimeout(() => client.write(chunk), delayMs);
      else client.write(chunk);
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.listenPort ?? 0, '127.0.0.1', resolve),
  );
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not bind');

  return {
    port: address.port,
    counts,
    setChooser(next) {
      choose = next;
    },
    offline() {
      choose = () => 'refuse';
      for (const socket of sockets) socket.destroy();
    },
    online() {
      choose = () => 'pass';
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
