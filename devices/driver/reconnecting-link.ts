// The link under every driver: opens the transport, notices it closing or erroring (an
// unplug), and reopens it every reopenIntervalMs until stopped, telling the driver at each
// step. The interval is fixed, not growing: a kiosk's device is either plugged back in by a
// technician, who wants it back within a second, or absent, where a retry a second costs
// nothing.
import type { ByteTransport, OpenTransport } from '../transport/transport';
import type { LinkState } from './device-driver';

export interface LinkHandlers {
  /** The link opened; the driver greets its device (asks its status, its id). */
  opened?(transport: ByteTransport): void | Promise<void>;
  data?(chunk: Uint8Array): void;
  /** The link ended under the driver (unplug, I/O error); a reopen is scheduled. */
  lost?(reason: string): void;
  /** An open failed; another is scheduled. */
  openFailed?(reason: string): void;
  /** The state changed (deduplicated): what the driver's 'connection' event says. */
  state?(state: LinkState): void;
}

export interface ReconnectingLinkOptions {
  open: OpenTransport;
  reopenIntervalMs: number;
}

export class ReconnectingLink {
  private running = false;
  private current: ByteTransport | undefined;
  private detach: Array<() => void> = [];
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private linkState: LinkState = { connected: false, reason: 'not started' };

  constructor(
    private readonly options: ReconnectingLinkOptions,
    private readonly handlers: LinkHandlers,
  ) {}

  /** The open transport, or none while the device is away. */
  get transport(): ByteTransport | undefined {
    return this.current;
  }

  state(): LinkState {
    return this.linkState;
  }

  /** Opens the link; resolves once the first open (and the driver's greeting) was tried. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.connect();
  }

  /** Stops reopening and closes the transport; the driver is not told it was lost. */
  stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reopenTimer);
    const transport = this.release();
    this.setState({ connected: false, reason: 'stopped' });
    return transport ? transport.close().catch(() => undefined) : Promise.resolve();
  }

  /**
   * The driver gives up on a transport that is open but useless (a device that stopped
   * answering): closed, and reopened after the interval, as after an unplug.
   */
  drop(reason: string): Promise<void> {
    const transport = this.release();
    if (!transport) return Promise.resolve();
    this.setState({ connected: false, device: transport.description, reason });
    this.scheduleReopen();
    return transport.close().catch(() => undefined);
  }

  private release(): ByteTransport | undefined {
    const transport = this.current;
    for (const detach of this.detach) detach();
    this.detach = [];
    this.current = undefined;
    return transport;
  }

  private setState(next: LinkState) {
    const changed = JSON.stringify(next) !== JSON.stringify(this.linkState);
    this.linkState = next;
    if (changed) this.handlers.state?.(next);
  }

  private scheduleReopen() {
    clearTimeout(this.reopenTimer);
    if (this.running)
      this.reopenTimer = setTimeout(() => void this.connect(), this.options.reopenIntervalMs);
  }

  private async connect(): Promise<void> {
    if (!this.running || this.current) return;
    let transport: ByteTransport;
    try {
      transport = await this.options.open();
    } catch (error) {
      this.setState({ connected: false, reason: reasonOf(error) });
      this.handlers.openFailed?.(reasonOf(error));
      this.scheduleReopen();
      return;
    }
    if (!this.running) {
      await transport.close().catch(() => undefined);
      return;
    }
    this.current = transport;
    this.detach = [
      transport.onData((chunk) => this.handlers.data?.(chunk)),
      transport.onClose((error) => {
        if (this.current !== transport) return;
        this.release();
        const reason = error?.message ?? 'closed';
        this.setState({ connected: false, device: transport.description, reason });
        this.handlers.lost?.(reason);
        this.scheduleReopen();
      }),
    ];
    this.setState({ connected: true, device: transport.description });
    await this.handlers.opened?.(transport);
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
