// Something the page will have soon but not at its first paint (the device bridge, the sync
// engine): what wants it registers now and is called once it is there, at once if it
// already is, so that nothing registered in between is lost.

export interface LateValue<T> {
  /** The value, once set. */
  current(): T | undefined;
  /** Sets it once; later calls are ignored. */
  set(value: T): void;
  /** Calls `consume` with the value as soon as there is one; the returned function cancels. */
  when(consume: (value: T) => void): () => void;
  /** The value as a promise. */
  promise(): Promise<T>;
}

export function lateValue<T>(): LateValue<T> {
  let value: { v: T } | undefined;
  const waiting = new Set<(value: T) => void>();
  let settled: Promise<T> | undefined;
  const when = (consume: (value: T) => void) => {
    if (value) {
      consume(value.v);
      return () => undefined;
    }
    waiting.add(consume);
    return () => void waiting.delete(consume);
  };
  return {
    current: () => value?.v,
    set(v) {
      if (value) return;
      value = { v };
      const callers = [...waiting];
      waiting.clear();
      for (const consume of callers) consume(v);
    },
    when,
    promise: () => (settled ??= new Promise<T>((resolve) => when(resolve))),
  };
}

/**
 * A subscription made before its source exists: passed on when the source arrives, and
 * cancellable before or after that.
 */
export function laterSubscription<S>(
  source: LateValue<S>,
  subscribe: (source: S) => () => void,
): () => void {
  let off: (() => void) | undefined;
  let cancelled = false;
  const stopWaiting = source.when((s) => {
    if (!cancelled) off = subscribe(s);
  });
  return () => {
    cancelled = true;
    stopWaiting();
    off?.();
  };
}
