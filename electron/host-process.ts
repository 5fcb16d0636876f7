import {
  MessageChannelMain,
  utilityProcess,
  type UtilityProcess,
  type WebContents,
} from 'electron';
import { IPC } from './ipc-channels';

export interface HostProcessOptions {
  entry: string;
  env: Record<string, string>;
  onState?(state: 'running' | 'restarting', detail?: string): void;
}

/**
 * The device host as an Electron utilityProcess: a native-module crash restarts the host,
 * not the kiosk. Each page load asks for a port; a port asked for while the host restarts is
 * handed over once it is back.
 */
export class HostProcess {
  #child: UtilityProcess | undefined;
  #attempt = 0;
  #stopping = false;
  #waiting: WebContents[] = [];
  #pages = new Set<WebContents>();

  constructor(private readonly options: HostProcessOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.options.entry, [], {
      serviceName: 'budayang-device-host',
      env: this.options.env,
      stdio: 'inherit',
    });
    this.#child = child;
    child.once('spawn', () => {
      this.options.onState?.('running');
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const contents of waiting) this.connect(contents);
    });
    child.once('exit', (code) => {
      if (this.#child === child) this.#child = undefined;
      if (this.#stopping) return;
      for (const page of this.#pages) if (!page.isDestroyed()) page.send(IPC.hostDown);
      this.options.onState?.('restarting', `exited with ${code}`);
      const delay = Math.min(2000, 100 * 2 ** this.#attempt++);
      setTimeout(() => this.start(), delay);
      // A host that stays up for a while has recovered; start counting from zero again.
      setTimeout(() => {
        if (this.#child) this.#attempt = 0;
      }, delay + 10_000);
    });
  }

  /** Hands a fresh MessagePort to the page and its twin to the host. */
  connect(contents: WebContents): void {
    this.#pages.add(contents);
    contents.once('destroyed', () => this.#pages.delete(contents));
    const child = this.#child;
    if (!child || child.pid === undefined) {
      this.#waiting.push(contents);
      return;
    }
    const { port1, port2 } = new MessageChannelMain();
    child.postMessage({ kind: 'bridge' }, [port1]);
    contents.postMessage(IPC.port, null, [port2]);
  }

  stop(): void {
    this.#stopping = true;
    this.#child?.kill();
  }
}
