import { describe, expect, it } from 'vitest';
import { Reachability } from './reachability';

describe('Reachability', () => {
  it('goes offline on failure, probes later and later, and reports coming back', () => {
    const reach = new Reachability({ baseMs: 1_000, capMs: 8_000 });
    expect(reach.online).toBe(true);
    expect(reach.probeDueAt()).toBeUndefined();
    reach.failed(0, () => 0.999);
    expect(reach.online).toBe(false);
    const first = reach.probeDueAt()!;
    reach.failed(0, () => 0.999);
    reach.failed(0, () => 0.999);
    expect(reach.probeDueAt()!).toBeGreaterThan(first);
    reach.linkUp(5);
    expect(reach.probeDueAt()).toBe(5);
    expect(reach.succeeded()).toBe(true);
    expect(reach.succeeded()).toBe(false);
    reach.linkDown(10);
    expect(reach.online).toBe(false);
  });
});
