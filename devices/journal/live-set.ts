// Which applications the journal still holds: those put and not acknowledged since. The
// set keeps where each one's frame lies, not its bytes, so a journal of many applications
// costs a few bytes of memory per application.

export interface LiveEntry {
  envelopeId: string;
  /** Where the put's frame starts in the file, and its length. */
  offset: number;
  bytes: number;
  attachmentIds: string[];
}

export class LiveSet {
  private readonly entries = new Map<string, LiveEntry>();
  private live = 0;

  static of(entries: readonly LiveEntry[]): LiveSet {
    const set = new LiveSet();
    for (const entry of entries) set.put(entry);
    return set;
  }

  /** A later put of the same envelope replaces the earlier one: the id is the idempotency key. */
  put(entry: LiveEntry): void {
    this.remove(entry.envelopeId);
    this.entries.set(entry.envelopeId, entry);
    this.live += entry.bytes;
  }

  /** Ids not held are ignored: an ack may repeat, or follow a put lost to damage. */
  ack(envelopeIds: readonly string[]): void {
    for (const id of envelopeIds) this.remove(id);
  }

  has(envelopeId: string): boolean {
    return this.entries.has(envelopeId);
  }

  get(envelopeId: string): LiveEntry | undefined {
    return this.entries.get(envelopeId);
  }

  /** In the order they were put, which is their order in the file. */
  list(): LiveEntry[] {
    return [...this.entries.values()].sort((a, b) => a.offset - b.offset);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the file that hold live puts; the rest is acked puts, acks and damage. */
  get liveBytes(): number {
    return this.live;
  }

  private remove(envelopeId: string): void {
    const old = this.entries.get(envelopeId);
    if (!old) return;
    this.entries.delete(envelopeId);
    this.live -= old.bytes;
  }
}
