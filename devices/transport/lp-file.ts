// A USB printer-class device as Linux shows it, /dev/usb/lpN, as a ByteTransport. The file
// is opened non-blocking and read on a short timer: a blocking read of a printer that has
// nothing to say would hold a libuv thread for ever and keep the process from exiting.
// Printers answer status queries over the same file (usblp is bidirectional).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { LinkListeners } from './link-listeners';
import type { ByteTransport } from './transport';

/** The part of a FileHandle used here; tests hand in a fake. */
export interface LpFileHandle {
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: null,
  ): Promise<{ bytesRead: number }>;
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: null,
  ): Promise<{ bytesWritten: number }>;
  close(): Promise<void>;
}

export interface LpFileOptions {
  path: string;
  /** How often to look for bytes from the printer. */
  readIntervalMs?: number;
  /** How long a write may wait on a printer whose buffer is full before it fails. */
  writeTimeoutMs?: number;
  openFile?: (path: string) => Promise<LpFileHandle>;
}

const isBusy = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EAGAIN';

export async function openLpFile(options: LpFileOptions): Promise<ByteTransport> {
  const { path } = options;
  const readIntervalMs = options.readIntervalMs ?? 20;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const openFile =
    options.openFile ?? ((p: string) => open(p, constants.O_RDWR | constants.O_NONBLOCK));
  const handle = await openFile(path).catch((error: Error) => {
    throw new Error(`${path}: ${error.message}`);
  });

  const listeners = new LinkListeners();
  let reading = false;
  const buffer = new Uint8Array(512);

  const end = async (error?: Error) => {
    if (!listeners.end()) return;
    clearInterval(timer);
    await handle.close().catch(() => undefined);
    listeners.notifyClosed(error);
  };

  const readSome = async () => {
    if (reading || listeners.ended) return;
    reading = true;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0 || listeners.ended) break;
        listeners.deliver(buffer.slice(0, bytesRead));
      }
    } catch (error) {
      // ENODEV and friends: the printer was unplugged.
      if (!isBusy(error)) await end(new Error(`${path}: ${(error as Error).message}`));
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => void readSome(), readIntervalMs);

  return {
    description: path,
    async write(data) {
      const deadline = Date.now() + writeTimeoutMs;
      let offset = 0;
      while (offset < data.length) {
        if (listeners.ended) throw new Error(`${path}: closed`);
        try {
          const { bytesWritten } = await handle.write(data, offset, data.length - offset, null);
          offset += bytesWritten;
        } catch (error) {
          if (!isBusy(error)) {
            const failure = new Error(`${path}: ${(error as Error).message}`, { cause: error });
            await end(failure);
            throw failure;
          }
          if (Date.now() > deadline)
            throw new Error(`${path}: printer did not take data for ${writeTimeoutMs} ms`, {
              cause: error,
            });
          await new Promise((r) => setTimeout(r, readIntervalMs));
        }
      }
    },
    onData: listeners.onData,
    onClose: listeners.onClose,
    close: () => end(),
  };
}
