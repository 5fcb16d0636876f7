import { describe, expect, it, vi } from 'vitest';
import { laterSubscription, lateValue } from './late-value';

describe('lateValue', () => {
  it('calls what waited once the value is set, and later callers at once', async () => {
    const late = lateValue<string>();
    const early = vi.fn();
    late.when(early);
    expect(late.current()).toBeUndefined();
    late.set('bridge');
    expect(early).toHaveBeenCalledWith('bridge');
    const after = vi.fn();
    late.when(after);
    expect(after).toHaveBeenCalledWith('bridge');
    await expect(late.promise()).resolves.toBe('bridge');
  });

  it('keeps the first value', () => {
    const late = lateValue<number>();
    late.set(1);
    late.set(2);
    expect(late.current()).toBe(1);
  });

  it('forgets a cancelled waiter', () => {
    const late = lateValue<number>();
    const use = vi.fn();
    late.when(use)();
    late.set(1);
    expect(use).not.toHaveBeenCalled();
  });
});

describe('laterSubscription', () => {
  it('subscribes when the source arrives and unsubscribes after', () => {
    const late = lateValue<{ on(h: () => void): () => void }>();
    const off = vi.fn();
    const on = vi.fn(() => off);
    const cancel = laterSubscription(late, (s) => s.on(() => undefined));
    late.set({ on });
    expect(on).toHaveBeenCalledTimes(1);
    cancel();
    expect(off).toHaveBeenCalledTimes(1);
  });

  it('never subscribes when cancelled before the source arrives', () => {
    const late = lateValue<{ on(h: () => void): () => void }>();
    const on = vi.fn(() => () => undefined);
    laterSubscription(late, (s) => s.on(() => undefined))();
    late.set({ on });
    expect(on).not.toHaveBeenCalled();
  });
});
