// The listeners every ByteTransport keeps (data, and one close at the end), kept here once so
// each transport only says how its device delivers bytes and how it ends.
export class LinkListeners {
  private readonly dataHandlers = new Set<(chunk: Uint8Array) => void>();
  private readonly closeHandlers = new Set<(error?: Error) => void>();
  private endedFlag = false;

  get ended(): boolean {
    return this.endedFlag;
  }

  /**
   * Marks the link ended; true only the first time, so a transport tears down once however
   * many of its device's signals (read error, close, vanished path) arrive.
   */
  end(): boolean {
    if (this.endedFlag) return false;
    this.endedFlag = true;
    return true;
  }

  deliver(chunk: Uint8Array): void {
    for (const handler of this.dataHandlers) handler(chunk);
  }

  notifyClosed(error?: Error): void {
    for (const handler of this.closeHandlers) handler(error);
  }

  readonly onData = (handler: (chunk: Uint8Array) => void): (() => void) => {
    this.dataHandlers.add(handler);
    return () => this.dataHandlers.delete(handler);
  };

  readonly onClose = (handler: (error?: Error) => void): (() => void) => {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  };
}
