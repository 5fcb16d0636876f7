import { describe, expect, it, vi } from 'vitest';
import { ENTRY_CORNER_PX, inEntryCorner, watchTechnicianEntry } from './technician-entry';

class FakeWindow extends EventTarget {
  location = { hash: '' };
}

function pointer(type: string, x: number, y: number) {
  return Object.assign(new Event(type), { clientX: x, clientY: y, isPrimary: true });
}

describe('technician entry', () => {
  it('is a corner of the screen only', () => {
    expect(inEntryCorner(10, 10)).toBe(true);
    expect(inEntryCorner(ENTRY_CORNER_PX + 1, 10)).toBe(false);
  });

  it('opens after a held press in the corner, not after a tap or a press that wanders off', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const onEnter = vi.fn();
    const stop = watchTechnicianEntry(win as unknown as Window, onEnter, 5000);
    win.dispatchEvent(pointer('pointerdown', 20, 20));
    vi.advanceTimersByTime(1000);
    win.dispatchEvent(pointer('pointerup', 20, 20));
    vi.advanceTimersByTime(10_000);
    win.dispatchEvent(pointer('pointerdown', 20, 20));
    win.dispatchEvent(pointer('pointermove', 500, 500));
    vi.advanceTimersByTime(10_000);
    expect(onEnter).not.toHaveBeenCalled();
    win.dispatchEvent(pointer('pointerdown', 20, 20));
    vi.advanceTimersByTime(5000);
    expect(onEnter).toHaveBeenCalledTimes(1);
    stop();
    vi.useRealTimers();
  });
});
