import { describe, expect, it, vi } from 'vitest';
import { unknownSyncStatus } from '../../sync/client/sync-status';
import type { Catalog } from '../catalog/catalog-model';
import { pendingSyncPort } from './pending-sync-port';
import type { SyncPort, SyncStatus } from './sync-port';

function fakePort(status: SyncStatus) {
  const statusHandlers = new Set<(s: SyncStatus) => void>();
  const port = {
    catalog: vi.fn(async () => ({ services: [], themes: [] }) as unknown as Catalog),
    status: () => status,
    onStatus: (handler: (s: SyncStatus) => void) => {
      statusHandlers.add(handler);
      return () => statusHandlers.delete(handler);
    },
  } as unknown as SyncPort;
  return { port, publish: (s: SyncStatus) => statusHandlers.forEach((h) => h(s)) };
}

/** A status with these two figures, every other one as the engine says before it knows. */
const figures = (online: boolean, queueDepth: number): SyncStatus => ({
  ...unknownSyncStatus(online),
  queueDepth,
  enrolled: true,
});

describe('pendingSyncPort', () => {
  it('claims nothing is wrong until the engine is there', () => {
    expect(pendingSyncPort().port.status()).toEqual(unknownSyncStatus(true));
    expect(pendingSyncPort().port.status()).toMatchObject({ online: true, queueDepth: 0 });
  });

  it('answers calls made before the engine once it is there', async () => {
    const pending = pendingSyncPort();
    const catalog = pending.port.catalog();
    const engine = fakePort(figures(false, 2));
    pending.resolve(engine.port);
    await expect(catalog).resolves.toEqual({ services: [], themes: [] });
    expect(pending.port.status()).toEqual(figures(false, 2));
  });

  it('tells an early status subscriber the engine’s status, then its changes', () => {
    const pending = pendingSyncPort();
    const seen: SyncStatus[] = [];
    const off = pending.port.onStatus((s) => seen.push(s));
    const engine = fakePort(figures(false, 0));
    pending.resolve(engine.port);
    engine.publish(figures(true, 1));
    off();
    engine.publish(figures(false, 1));
    expect(seen).toEqual([figures(false, 0), figures(true, 1)]);
  });
});
