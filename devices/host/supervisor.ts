import { spawn, type ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Wait before the n-th restart in a row; a child that ran a while resets the count. */
  restartDelayMs?(attempt: number): number;
  /** A child that lived this long is considered to have started fine. */
  healthyAfterMs?: number;
  onState?(state: 'running' | 'restarting' | 'stopped', detail?: string): void;
  stdio?: 'inherit' | 'ignore';
}

/**
 * Keeps the device host alive: a crash in a native driver (or kill -9) restarts the host,
 * not the kiosk. The renderer's bridge client reconnects on its own.
 */
export class Supervisor {
  #child: ChildProcess | undefined;
  #stopping = false;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #restarts = 0;

  constructor(private readonly options: SupervisorOptions) {}

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get restarts(): number {
    return this.#restarts;
  }

  start(): void {
    this.#stopping = false;
    this.#spawn();
  }

  #spawn(): void {
    const startedAt = Date.now();
    const child = spawn(this.options.command, this.options.args, {
      env: this.options.env ?? process.env,
      stdio: this.options.stdio ?? 'inherit',
    });
    this.#child = child;
    this.options.onState?.('running');
    child.once('exit', (code, signal) => {
      if (this.#child === child) this.#child = undefined;
      if (this.#stopping) {
        this.options.onState?.('stopped');
        return;
      }
      if (Date.now() - startedAt > (this.options.healthyAfterMs ?? 5000)) this.#attempt = 0;
      const delay = (this.options.restartDelayMs ?? ((n) => Math.min(2000, 100 * 2 ** n)))(
        this.#attempt++,
      );
      this.#restarts += 1;
      this.options.onState?.('restarting', signal ? `killed by ${signal}` : `exited with ${code}`);
      this.#timer = setTimeout(() => this.#spawn(), delay);
    });
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
