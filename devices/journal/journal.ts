// The journal on disk: the device host's second durable copy of every sealed application,
// beside the browser's outbox. `put` resolves only once the frame is fsynced, so "written"
// means it survives a power cut; an entry leaves only when the platform acknowledged it.
// One operation runs at a time, so the file is always whole frames up to `end`.
import { join } from 'node:path';
import { z } from 'zod';
import { checkFrame, readFrame } from './frame';
import {
  DEFAULT_COMPACTION,
  rewriteLive,
  worthCompacting,
  type CompactionPolicy,
} from './compaction';
import { JournalError, journalErrorOf, type JournalErrorCode } from './journal-error';
import {
  isMissing,
  nodeJournalFs,
  readFully,
  writeFully,
  type JournalFs,
  type JournalHandle,
} from './journal-fs';
import {
  JournalAck,
  JournalId,
  JournalPut,
  UnsupportedRecordError,
  decodeRecord,
  encodeRecord,
} from './journal-record';
import { LiveSet } from './live-set';
import { Replay, type ReplayResult } from './replay';

/** Fixed names: nothing about an application may show in a file name. */
export const JOURNAL_FILE = 'journal.bdj';
const COMPACTING_FILE = 'journal.bdj.compacting';
const READ_CHUNK = 1024 * 1024;

/** For diagnostics and telemetry: offsets and counts only. */
export type JournalEvent =
  | { kind: 'opened'; entries: number; fileBytes: number }
  | { kind: 'torn-tail-dropped'; offset: number; bytes: number }
  | { kind: 'corrupt'; offset: number; bytes: number }
  | { kind: 'compacted'; fileBytesBefore: number; fileBytesAfter: number }
  | { kind: 'compaction-failed'; code: JournalErrorCode };

export interface JournalOptions {
  fs?: JournalFs;
  compaction?: CompactionPolicy;
  onEvent?: (event: JournalEvent) => void;
}

export interface JournalStats {
  entries: number;
  fileBytes: number;
  liveBytes: number;
}

/** What `open` found and the journal runs on. */
interface JournalState {
  fs: JournalFs;
  directory: string;
  handle: JournalHandle;
  live: LiveSet;
  /** Where the last whole frame ends: the next one is written here. */
  end: number;
  policy: CompactionPolicy;
  emit: (event: JournalEvent) => void;
}

export class Journal {
  private readonly fs: JournalFs;
  private readonly directory: string;
  private readonly policy: CompactionPolicy;
  private readonly emit: (event: JournalEvent) => void;
  private handle: JournalHandle;
  private live: LiveSet;
  private end: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** A failed write may have left part of a frame past `end`; it is cut before the next one. */
  private tailDirty = false;
  /** A new file or rename whose directory entry is not yet known to be durable. */
  private directoryDirty = false;

  private constructor(state: JournalState) {
    this.fs = state.fs;
    this.directory = state.directory;
    this.handle = state.handle;
    this.live = state.live;
    this.end = state.end;
    this.policy = state.policy;
    this.emit = state.emit;
  }

  /**
   * Replays the journal in `directory` (creating it if need be) and cuts a torn tail off.
   * Throws JournalError `unsupported`, touching nothing, when newer software wrote it.
   */
  static async open(directory: string, options: JournalOptions = {}): Promise<Journal> {
    const fs = options.fs ?? nodeJournalFs;
    const emit = options.onEvent ?? (() => undefined);
    const path = join(directory, JOURNAL_FILE);
    let handle: JournalHandle | undefined;
    try {
      await fs.mkdir(directory);
      // Left by a compaction cut short before its rename: the journal itself is whole.
      await fs.unlink(join(directory, COMPACTING_FILE)).catch((error: unknown) => {
        if (!isMissing(error)) throw error;
      });
      let created = false;
      try {
        handle = await fs.open(path, 'r+');
      } catch (error) {
        if (!isMissing(error)) throw error;
        handle = await fs.open(path, 'w+');
        created = true;
      }
      if (created) await fs.syncDirectory(directory);
      const replayed = await replayFile(handle);
      for (const damage of replayed.corrupt) emit({ kind: 'corrupt', ...damage });
      if (replayed.tornTail) {
        await handle.truncate(replayed.goodEnd);
        await handle.datasync();
        emit({ kind: 'torn-tail-dropped', ...replayed.tornTail });
      }
      emit({ kind: 'opened', entries: replayed.live.size, fileBytes: replayed.goodEnd });
      return new Journal({
        fs,
        directory,
        handle,
        live: replayed.live,
        end: replayed.goodEnd,
        policy: options.compaction ?? DEFAULT_COMPACTION,
        emit,
      });
    } catch (error) {
      await handle?.close().catch(() => undefined);
      if (error instanceof UnsupportedRecordError) {
        throw new JournalError('unsupported', `journal open failed: ${error.message}`);
      }
      throw journalErrorOf(error, 'open');
    }
  }

  /** Resolves once the application and its attachments are durable on disk. */
  async put(entry: JournalPut): Promise<void> {
    const put = JournalPut.parse(entry);
    return this.run('put', async () => {
      const offset = await this.append(encodeRecord({ kind: 'put', ...put }));
      this.live.put({
        envelopeId: put.envelopeId,
        offset,
        bytes: this.end - offset,
        attachmentIds: put.attachments.map((a) => a.id),
      });
    });
  }

  /** Resolves once the acknowledgement is durable; unknown ids are ignored. */
  async ack(envelopeIds: readonly string[]): Promise<void> {
    const ids = z.array(JournalId).parse(envelopeIds);
    return this.run('ack', async () => {
      const held = [...new Set(ids)].filter((id) => this.live.has(id));
      if (held.length === 0) return;
      await this.append(encodeRecord({ kind: 'ack', ...JournalAck.parse({ envelopeIds: held }) }));
      this.live.ack(held);
      if (!worthCompacting(this.end, this.live.liveBytes, this.policy)) return;
      // The ack is durable already; a compaction that fails is retried after the next one.
      await this.compactNow().catch((error: unknown) => {
        this.emit({ kind: 'compaction-failed', code: journalErrorOf(error, 'compaction').code });
      });
    });
  }

  /** Ids put and not acknowledged, in the order they were put. */
  ids(): string[] {
    return this.live.list().map((entry) => entry.envelopeId);
  }

  has(envelopeId: string): boolean {
    return this.live.has(envelopeId);
  }

  read(envelopeId: string): Promise<JournalPut | undefined> {
    return this.run('read', async () => {
      const entry = this.live.get(envelopeId);
      if (!entry) return undefined;
      const frame = await readFully(this.handle, entry.bytes, entry.offset);
      const check = checkFrame(frame, 0, frame.length);
      if (check.kind !== 'ok' || check.end !== frame.length) {
        throw new JournalError('corrupt', 'journal entry damaged on disk');
      }
      const record = decodeRecord(readFrame(frame, 0, frame.length));
      return record.kind === 'put' ? stripKind(record) : undefined;
    });
  }

  /** Every entry put and not acknowledged, read one at a time. */
  async *entries(): AsyncGenerator<JournalPut> {
    for (const id of this.ids()) {
      const entry = await this.read(id);
      if (entry) yield entry;
    }
  }

  compact(): Promise<void> {
    return this.run('compaction', () => this.compactNow());
  }

  get stats(): JournalStats {
    return { entries: this.live.size, fileBytes: this.end, liveBytes: this.live.liveBytes };
  }

  close(): Promise<void> {
    return this.run('close', async () => {
      this.closed = true;
      await this.handle.close();
    });
  }

  private run<T>(during: string, task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.closed) throw new JournalError('closed', `journal ${during}: closed`);
      try {
        return await task();
      } catch (error) {
        // Failures of the disk get a code the kiosk can act on; bugs keep their own error.
        throw isDiskFailure(error) ? journalErrorOf(error, during) : error;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Writes a frame at the end and fsyncs it; returns where it starts. */
  private async append(frame: Uint8Array): Promise<number> {
    await this.makeTailClean();
    await this.makeDirectoryDurable();
    const offset = this.end;
    try {
      await writeFully(this.handle, frame, offset);
      await this.handle.datasync();
    } catch (error) {
      // Whatever part of the frame reached the disk must not stay in front of the next one.
      this.tailDirty = true;
      await this.makeTailClean().catch(() => undefined);
      throw error;
    }
    this.end = offset + frame.length;
    return offset;
  }

  private async makeTailClean(): Promise<void> {
    if (!this.tailDirty) return;
    await this.handle.truncate(this.end);
    await this.handle.datasync();
    this.tailDirty = false;
  }

  private async makeDirectoryDurable(): Promise<void> {
    if (!this.directoryDirty) return;
    await this.fs.syncDirectory(this.directory);
    this.directoryDirty = false;
  }

  private async compactNow(): Promise<void> {
    await this.makeTailClean();
    const before = this.end;
    const rewritten = await rewriteLive(
      this.fs,
      this.handle,
      this.live.list(),
      join(this.directory, COMPACTING_FILE),
      join(this.directory, JOURNAL_FILE),
    );
    // The rename is done: the new file is the journal, whatever happens next.
    const old = this.handle;
    this.handle = rewritten.handle;
    this.end = rewritten.bytes;
    this.live = LiveSet.of(rewritten.entries);
    this.directoryDirty = true;
    await old.close().catch(() => undefined);
    for (const damage of rewritten.dropped) this.emit({ kind: 'corrupt', ...damage });
    this.emit({ kind: 'compacted', fileBytesBefore: before, fileBytesAfter: this.end });
    // Until the directory is synced a power cut may bring the old file back, without what
    // is appended from now on: no append goes ahead before it is (see `append`).
    await this.makeDirectoryDurable();
  }
}

async function replayFile(handle: JournalHandle): Promise<ReplayResult> {
  const { size } = await handle.stat();
  const replay = new Replay();
  for (let at = 0; at < size;) {
    const chunk = await readFully(handle, Math.min(READ_CHUNK, size - at), at);
    if (chunk.length === 0) break;
    replay.push(chunk);
    at += chunk.length;
  }
  return replay.end();
}

function isDiskFailure(error: unknown): boolean {
  return error instanceof JournalError || typeof (error as { code?: unknown })?.code === 'string';
}

function stripKind({ envelopeId, envelope, attachments }: JournalPut): JournalPut {
  return { envelopeId, envelope, attachments };
}
