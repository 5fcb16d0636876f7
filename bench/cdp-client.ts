/**
 * A client of the DevTools protocol over any message transport (bench/chromium-pipe.ts gives
 * it Chromium's pipe): commands matched to their answers by id, events to listeners, and
 * flattened sessions, whose messages carry the `sessionId` of the target they go to or come
 * from (Target.attachToTarget or Target.setAutoAttach with `flatten: true`). It enables no
 * domain of its own accord: each enabled domain has Chromium instrument what it covers.
 */
type Listener = (params: never, sessionId: string | undefined) => void;

interface Incoming {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string; data?: string };
  sessionId?: string;
}

interface Waiting {
  method: string;
  sessionId: string | undefined;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class CdpClient {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private gone: Error | undefined;

  /** `write` sends one message (JSON text) to the browser. */
  constructor(private readonly write: (message: string) => void) {}

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { method, sessionId, resolve: resolve as (r: unknown) => void, reject });
      this.write(
        JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }),
      );
    });
  }

  /** Calls `listener` on every `method` event, of any session; returns the unsubscription. */
  on<P>(method: string, listener: (params: P, sessionId: string | undefined) => void): () => void {
    if (!this.listeners.has(method)) this.listeners.set(method, new Set());
    const listeners = this.listeners.get(method)!;
    listeners.add(listener as Listener);
    return () => listeners.delete(listener as Listener);
  }

  /** The next `method` event that `accept` takes (any, if not given). */
  once<P>(
    method: string,
    accept: (params: P, sessionId: string | undefined) => boolean = () => true,
  ): Promise<P> {
    return new Promise((resolve) => {
      const off = this.on<P>(method, (params, sessionId) => {
        if (!accept(params, sessionId)) return;
        off();
        resolve(params);
      });
    });
  }

  /** Handles one message from the browser. */
  receive(text: string): void {
    const message = JSON.parse(text) as Incoming;
    if (message.id !== undefined) {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (message.error)
        waiting.reject(
          new Error(`${waiting.method}: ${message.error.message} ${message.error.data ?? ''}`),
        );
      else waiting.resolve(message.result);
      return;
    }
    if (message.method === undefined) return;
    // A session's commands are never answered once its target is gone.
    if (message.method === 'Target.detachedFromTarget') {
      const { sessionId } = message.params as { sessionId: string };
      this.rejectWhere((w) => w.sessionId === sessionId, new Error(`session ${sessionId} gone`));
    }
    for (const listener of [...(this.listeners.get(message.method) ?? [])])
      (listener as (params: unknown, sessionId: string | undefined) => void)(
        message.params,
        message.sessionId,
      );
  }

  /** The transport is gone: every command waiting, and every one sent from now, fails. */
  dispose(reason: Error): void {
    this.gone = reason;
    this.rejectWhere(() => true, reason);
  }

  private rejectWhere(which: (waiting: Waiting) => boolean, error: Error): void {
    for (const [id, waiting] of this.waiting)
      if (which(waiting)) {
        this.waiting.delete(id);
        waiting.reject(error);
      }
  }
}
