import type { z } from 'zod';
import type { EventName, EventPayload, MethodName, MethodResult, methods } from './contract';

/** What the device host implements: one function per call, given validated arguments. */
export type HostHandlers = {
  [M in MethodName]: (args: z.output<(typeof methods)[M]['args']>) => Promise<MethodResult<M>>;
};

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where the host's events come from; each connected renderer subscribes. */
export interface HostEventSource {
  subscribe(listener: EventListener): () => void;
}

export class HostEventHub implements HostEventSource {
  readonly #listeners = new Set<EventListener>();
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.#listeners) l(event, payload);
  }
}
