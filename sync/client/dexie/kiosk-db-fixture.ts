import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { KioskDb } from './kiosk-db';

/** For a test file: a fresh kiosk database at each call, closed and deleted after its test. */
export function freshKioskDbs(prefix: string): () => KioskDb {
  const opened: KioskDb[] = [];
  let counter = 0;
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = new KioskDb(`${prefix}-${counter++}`);
    opened.push(db);
    return db;
  };
}
