import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/chromium';
import { CdpClient } from './cdp-client';
import { encodeFrame, FrameDecoder } from './cdp-frames';

/** A headless Chromium of our own, spoken to over its DevTools pipe. */
export interface PipedChromium {
  cdp: CdpClient;
  /** The browser process. */
  pid: number;
  /** Closes the browser (killing it if it will not go) and waits for it to exit. */
  close(): Promise<void>;
}

const CLOSE_GRACE_MS = 10_000;

/**
 * Starts Debian's Chromium with the benchmarks' flags, headless, with `args` (a profile,
 * a first URL…) and --remote-debugging-pipe: commands go in on its fd 3, answers and events
 * come out on its fd 4 (bench/cdp-frames.ts), no port is opened, and Chromium quits when the
 * pipe closes, so it cannot outlive this process. Nothing is attached or enabled yet.
 */
export async function launchChromiumOverPipe(args: readonly string[]): Promise<PipedChromium> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless', '--remote-debugging-pipe', ...args],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const toChromium = child.stdio[3] as Writable;
  const fromChromium = child.stdio[4] as Readable;
  // Its last words, for the error when it fails to start or dies.
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));

  const cdp = new CdpClient((message) => toChromium.write(encodeFrame(message)));
  const decoder = new FrameDecoder();
  fromChromium.on('data', (chunk: Buffer) => {
    for (const message of decoder.push(chunk)) cdp.receive(message);
  });
  // Writes after the browser's end fail with EPIPE; the client reports it through `exited`.
  toChromium.on('error', () => {});
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      cdp.dispose(new Error(`Chromium exited (${signal ?? code}): ${stderr.trim()}`));
      resolve();
    });
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.on('spawn', resolve);
    child.on('error', reject);
  });
  await spawned;
  const pid = child.pid!;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        cdp.send('Browser.close').catch(() => {});
        const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      toChromium.destroy();
      fromChromium.destroy();
    })());

  try {
    // Answered once the browser is up, and rejected if it dies first.
    await cdp.send('Browser.getVersion');
  } catch (error) {
    await close();
    throw error;
  }
  return { cdp, pid, close };
}
