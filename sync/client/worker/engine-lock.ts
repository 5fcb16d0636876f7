/**
 * Only one sync engine may work on a kiosk database at a time. A second tab (a technician's
 * preview, a page opened twice in web mode) would otherwise take the first one's `sending`
 * entries for ones a crash left behind, and send them again; the platform would store them
 * once, but each would count an interruption and could be isolated for nothing. A Web Lock is
 * released by the browser when its holder's tab or worker dies, so a killed kiosk never keeps
 * the next one waiting.
 *
 * Resolves with the release function once the lock is held; where the Web Locks API is
 * missing (Node in tests) there is only one engine anyway, and it resolves at once.
 */
export function holdEngineLock(name: string): Promise<() => void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return Promise.resolve(() => {});
  return new Promise((granted) => {
    void locks.request(
      name,
      { mode: 'exclusive' },
      () => new Promise<void>((release) => granted(release)),
    );
  });
}
