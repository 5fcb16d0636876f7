import type { Page } from '@playwright/test';

/**
 * Where the page's IndexedDB holds any of `values` in clear: every record of every object
 * store, read raw in the page and searched here, as JSON and binary values (ArrayBuffers,
 * typed arrays, Blobs) as UTF-8 and UTF-16. With each store's record count, so a test can
 * tell an empty store from one whose records are sealed.
 */
export async function clearValuesInIndexedDb(
  page: Page,
  values: readonly string[],
): Promise<{
  found: string[];
  stores: Record<string, number>;
}> {
  const dump = await page.evaluate(async () => {
    const encode = (bytes: Uint8Array) => {
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    };
    const binaries: string[] = [];
    const plain = async (value: unknown): Promise<unknown> => {
      if (value instanceof Blob) {
        binaries.push(encode(new Uint8Array(await value.arrayBuffer())));
        return '[blob]';
      }
      if (value instanceof ArrayBuffer) {
        binaries.push(encode(new Uint8Array(value)));
        return '[bytes]';
      }
      if (ArrayBuffer.isView(value)) {
        binaries.push(encode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
        return '[bytes]';
      }
      if (Array.isArray(value)) return Promise.all(value.map(plain));
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = await plain(v);
        return out;
      }
      return value;
    };
    const stores: Record<string, { json: string; count: number }> = {};
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        stores[`${info.name}/${store}`] = {
          json: JSON.stringify(await plain(rows)),
          count: rows.length,
        };
      }
      db.close();
    }
    return { stores, binaries };
  });
  const found: string[] = [];
  const binaries = dump.binaries.map((b) => Buffer.from(b, 'base64'));
  for (const value of values) {
    for (const [store, { json }] of Object.entries(dump.stores))
      if (json.includes(value)) found.push(`${store}: ${value.length} chars in clear`);
    const utf8 = Buffer.from(value, 'utf8');
    const utf16 = Buffer.from(value, 'utf16le');
    if (binaries.some((b) => b.includes(utf8) || b.includes(utf16)))
      found.push(`binary value: ${value.length} chars in clear`);
  }
  const stores = Object.fromEntries(Object.entries(dump.stores).map(([k, v]) => [k, v.count]));
  return { found, stores };
}
