// The one events idiom of the device drivers: `on(event, handler)` returns its own off, and
// each event carries one typed payload. Ours rather than node:events because an emitter
// there throws when an 'error' event has no listener (the reader reports card errors that
// nobody may be listening to), and its `on` returns the emitter, not a way to stop listening.
// No package in node_modules offers typed events; this is the whole of it.

type Handler<T> = (payload: T) => void;

export interface DriverEventSource<Events> {
  on<E extends keyof Events>(event: E, handler: Handler<Events[E]>): () => void;
  once<E extends keyof Events>(event: E, handler: Handler<Events[E]>): () => void;
  off<E extends keyof Events>(event: E, handler: Handler<Events[E]>): void;
}

export class DriverEvents<Events> implements DriverEventSource<Events> {
  private readonly handlers = new Map<keyof Events, Set<Handler<never>>>();

  on<E extends keyof Events>(event: E, handler: Handler<Events[E]>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => this.off(event, handler);
  }

  once<E extends keyof Events>(event: E, handler: Handler<Events[E]>): () => void {
    const off = this.on(event, (payload) => {
      off();
      handler(payload);
    });
    return off;
  }

  off<E extends keyof Events>(event: E, handler: Handler<Events[E]>): void {
    this.handlers.get(event)?.delete(handler as Handler<never>);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    // A copy: a handler that unsubscribes (once) must not disturb this round.
    for (const handler of [...(this.handlers.get(event) ?? [])])
      (handler as Handler<Events[E]>)(payload);
  }
}
