/** What the browser says of the origin's storage; nothing where it cannot say (Node in tests). */
export async function storageEstimate(): Promise<{ usage?: number; quota?: number }> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return {};
  return navigator.storage.estimate();
}

/** Asks that IndexedDB survive storage pressure; null where the browser has no such API. */
export async function persistStorage(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  return (await navigator.storage.persisted?.()) || (await navigator.storage.persist());
}
