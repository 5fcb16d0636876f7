import { describe, expect, it, vi } from 'vitest';
import { LinkListeners } from './link-listeners';

describe('LinkListeners', () => {
  it('delivers data to every handler until it is detached', () => {
    const listeners = new LinkListeners();
    const a = vi.fn();
    const b = vi.fn();
    const detachA = listeners.onData(a);
    listeners.onData(b);
    listeners.deliver(Uint8Array.of(1));
    detachA();
    listeners.deliver(Uint8Array.of(2));
    expect(a.mock.calls).toEqual([[Uint8Array.of(1)]]);
    expect(b.mock.calls).toEqual([[Uint8Array.of(1)], [Uint8Array.of(2)]]);
  });

  it('ends once, however many signals arrive', () => {
    const listeners = new LinkListeners();
    const closed = vi.fn();
    listeners.onClose(closed);
    expect(listeners.ended).toBe(false);
    expect(listeners.end()).toBe(true);
    expect(listeners.end()).toBe(false);
    expect(listeners.ended).toBe(true);
    listeners.notifyClosed(new Error('unplugged'));
    expect(closed).toHaveBeenCalledWith(new Error('unplugged'));
  });
});
