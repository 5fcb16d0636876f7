import { Dexie, type Table } from 'dexie';
import type { OutboxAttachment, OutboxEntry } from '../outbox-entry';
import type {
  CatalogRecord,
  FlightRecord,
  MetaRecord,
  SmallOutboxItem,
  StatusRecord,
} from '../records';
import { moveAttachmentsApart } from './upgrade-v2';

export const DEFAULT_DB_NAME = 'budayang';

/**
 * The kiosk's IndexedDB. Every version stays declared: Dexie needs the old ones to upgrade a
 * kiosk that was switched off through several releases. Each upgrade has its own file and a
 * test that opens data written by the version before.
 */
export class KioskDb extends Dexie {
  catalog!: Table<CatalogRecord, string>;
  outbox!: Table<OutboxEntry, string>;
  attachments!: Table<OutboxAttachment, string>;
  ratings!: Table<SmallOutboxItem, string>;
  telemetry!: Table<SmallOutboxItem, string>;
  status!: Table<StatusRecord, string>;
  meta!: Table<MetaRecord, string>;
  flights!: Table<FlightRecord, string>;

  constructor(
    name: string = DEFAULT_DB_NAME,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // Strict durability: "submitted" on screen must mean "on disk", through a power cut.
    // Chromium otherwise reports a commit before the data is flushed.
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    declareVersions(this);
  }
}

export function declareVersions(db: Dexie): void {
  // v1: the first layout, with material images inside the outbox row.
  db.version(1).stores(schemaV1);
  // v2: images in their own table, so a drain reads one image at a time, not a batch's worth.
  db.version(2).stores(schemaV2).upgrade(moveAttachmentsApart);
  // v3: an index to find the oldest waiting application without reading the acknowledged
  // ones kept for offline lookup (90 days of them) on every status the technician sees, and
  // the drain's flights (which entries are on their way), so that a batch is noted as sent in
  // one small write rather than by rewriting each entry. IndexedDB builds the index from the
  // rows already there; nothing to convert.
  db.version(3).stores(schemaV3);
}

export const schemaV1 = {
  catalog: '&id',
  outbox: '&id, [state+nextAttemptAt], receiptNumber, idHash, createdAt',
  ratings: '&id, [state+nextAttemptAt]',
  telemetry: '&id, [state+nextAttemptAt], createdAt',
  status: '&id, idHash, receiptNumber',
  meta: '&key',
};

export const schemaV2 = {
  ...schemaV1,
  attachments: '&id, envelopeId',
};

export const schemaV3 = {
  ...schemaV2,
  outbox: '&id, [state+nextAttemptAt], [state+createdAt], receiptNumber, idHash, createdAt',
  flights: '&id',
};
