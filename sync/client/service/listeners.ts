/** Handlers of one kind of event; subscribing returns the unsubscribe. */
export class Listeners<T> {
  private readonly handlers = new Set<(value: T) => void>();

  get size(): number {
    return this.handlers.size;
  }

  add(handler: (value: T) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit(value: T): void {
    this.handlers.forEach((handler) => handler(value));
  }
}
