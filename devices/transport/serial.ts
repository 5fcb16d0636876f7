// A serial port (RS-232, USB-CDC, or a pty in tests) as a ByteTransport, over the
// `serialport` package: it owns the platform bindings, so this file only adapts its stream.
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { LinkListeners } from './link-listeners';
import type { ByteTransport } from './transport';

export interface SerialOptions {
  /** Prefer the stable /dev/serial/by-id/… link: it survives an unplug and replug. */
  path: string;
  baudRate: number;
}

export async function openSerial({ path, baudRate }: SerialOptions): Promise<ByteTransport> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(new Error(`${path}: ${error.message}`)) : resolve())),
  );

  const listeners = new LinkListeners();
  const end = (error?: Error) => {
    if (!listeners.end()) return;
    clearInterval(presence);
    port.removeAllListeners('data');
    listeners.notifyClosed(error);
  };

  // A read error does not always come: a port that is idle when its device goes away may
  // never be told. An unplugged USB adapter takes its device file (and by-id link) with it,
  // so a vanished path is an unplug too.
  const presence = setInterval(() => {
    if (existsSync(path)) return;
    end(new Error(`${path}: device unplugged`));
    if (port.isOpen) port.close(() => undefined);
  }, 250);
  presence.unref();

  port.on('data', (chunk: Buffer) => {
    listeners.deliver(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  // An unplugged device (or a pty whose other end went away) ends in a read error, which the
  // stream turns into 'close' with a disconnect error.
  port.on('close', (error: Error | null) => end(error ?? undefined));
  // Errors outside a read (a failed write, a failed close) leave the port in doubt: treat the
  // link as gone so the driver reopens it rather than talking into the void.
  port.on('error', (error: Error) => {
    end(error);
    if (port.isOpen) port.close(() => undefined);
  });

  return {
    description: path,
    write(data) {
      return new Promise<void>((resolve, reject) => {
        if (listeners.ended) return reject(new Error(`${path}: closed`));
        // A copy: the caller may reuse its buffer before the port has sent it.
        port.write(Buffer.from(data), (error) => {
          if (error) return reject(new Error(`${path}: ${error.message}`));
          port.drain((drainError) => (drainError ? reject(drainError) : resolve()));
        });
      });
    },
    onData: listeners.onData,
    onClose: listeners.onClose,
    close() {
      return new Promise<void>((resolve) => {
        if (!port.isOpen) {
          end();
          return resolve();
        }
        port.close(() => {
          end();
          resolve();
        });
      });
    },
  };
}
