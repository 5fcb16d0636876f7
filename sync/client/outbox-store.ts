import type { OutboxAttachment, OutboxEntry } from './outbox-entry';

/**
 * The outbox as the drain sees it. The kiosk implements it on Dexie (sync/client/dexie); tests
 * may use the same Dexie store on fake-indexeddb. Every write is one durable transaction.
 */
export interface OutboxStore {
  /**
   * Entries a previous drain left in flight, in state `sending`: those of every flight noted
   * and never ended that are still queued, and any an older version left in `sending`.
   */
  interrupted(): Promise<OutboxEntry[]>;
  /** Queued entries due at `now`, oldest schedule first, at most `limit`. */
  due(now: number, limit: number): Promise<OutboxEntry[]>;
  /** The earliest `nextAttemptAt` of a queued entry, if any. */
  nextDueAt(): Promise<number | undefined>;
  attachment(id: string): Promise<OutboxAttachment | undefined>;
  /** Several attachments in one read, in the order asked; undefined where one is gone. */
  attachments(ids: readonly string[]): Promise<Array<OutboxAttachment | undefined>>;
  noteUpload(
    attachmentId: string,
    change: { uploadUrl?: string; uploaded?: boolean },
  ): Promise<void>;
  /**
   * Durably notes that these queued entries are about to leave, in one small write instead of
   * rewriting each entry as `sending`, and forgets the flights `ended` (settled since); returns
   * the new flight's id.
   */
  beginFlight(entryIds: readonly string[], ended?: readonly string[]): Promise<string>;
  /** Forgets settled flights, when no new flight is begun to do it. */
  endFlights(ids: readonly string[]): Promise<void>;
  /**
   * Writes entries back, and only them: an acked entry's attachments stay until
   * `purgeDelivered`. With `'all'` (once recovered) it also forgets every flight, in the same
   * transaction.
   */
  put(entries: readonly OutboxEntry[], end?: 'all'): Promise<void>;
  /**
   * Deletes every attachment no entry can send any more: those of acked entries, and any
   * whose entry is gone. Never one of a queued, in-flight or quarantined entry. Returns how
   * many it deleted.
   */
  purgeDelivered(): Promise<number>;
  /** Queued entries waiting out a backoff become due now. */
  rescheduleAll(now: number): Promise<void>;
  /**
   * Forgets acknowledged entries acknowledged before `before` (they hold no envelope any
   * more, only what the offline progress lookup shows); returns how many. Quarantined
   * entries are never purged: each still holds a citizen's application.
   */
  purgeAcked(before: number): Promise<number>;
}
