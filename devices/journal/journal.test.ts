import fc from 'fast-check';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, encodeFrame } from './frame';
import { Journal, JOURNAL_FILE, type JournalEvent, type JournalOptions } from './journal';
import { JournalError } from './journal-error';
import { comparable, expectedLive, putArb, recordsArb } from './journal-fixture';
import { nodeJournalFs, type JournalFs, type JournalHandle } from './journal-fs';
import { encodeRecord, type JournalPut, type JournalRecord } from './journal-record';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'budayang-journal-'));
  dirs.push(dir);
  return dir;
}

const id = (n: number) => `3f1c7d52-0000-4000-8000-${String(n).padStart(12, '0')}`;

function application(n: number, size = 64): JournalPut {
  return {
    envelopeId: id(n),
    envelope: new TextEncoder().encode(`{"id":"${id(n)}"}`),
    attachments: [
      { id: id(1000 + n), sealed: new Uint8Array(size).fill(n) },
      { id: id(2000 + n), sealed: new Uint8Array(size / 2).fill(n + 1) },
    ],
  };
}

async function all(journal: Journal): Promise<JournalPut[]> {
  const puts: JournalPut[] = [];
  for await (const put of journal.entries()) puts.push(put);
  return puts;
}

type Step = 'write' | 'datasync' | 'sync' | 'truncate' | 'rename' | 'syncDirectory';

/** The real file system, with failures armed step by step and every call recorded. */
function faultyFs() {
  const armed = new Map<Step, string>();
  const calls: string[] = [];
  const fail = (step: Step) => {
    calls.push(step);
    const code = armed.get(step);
    if (code === undefined) return;
    armed.delete(step);
    throw Object.assign(new Error(`${step} failed: ${code}`), { code });
  };
  const wrap = (h: JournalHandle): JournalHandle => ({
    read: (buffer, offset, length, position) => h.read(buffer, offset, length, position),
    write: async (buffer, offset, length, position) => {
      if (armed.has('write') && length > 1) {
        // A disk fills up in the middle of a write: part of the frame is on disk.
        await h.write(buffer, offset, Math.floor(length / 2), position);
      }
      fail('write');
      return h.write(buffer, offset, length, position);
    },
    datasync: async () => {
      fail('datasync');
      await h.datasync();
    },
    sync: async () => {
      fail('sync');
      await h.sync();
    },
    truncate: async (length) => {
      fail('truncate');
      await h.truncate(length);
    },
    stat: () => h.stat(),
    close: () => h.close(),
  });
  const fs: JournalFs = {
    open: async (path, flags) => wrap(await nodeJournalFs.open(path, flags)),
    rename: async (from, to) => {
      fail('rename');
      await nodeJournalFs.rename(from, to);
    },
    unlink: (path) => nodeJournalFs.unlink(path),
    mkdir: (path) => nodeJournalFs.mkdir(path),
    syncDirectory: async (path) => {
      fail('syncDirectory');
      await nodeJournalFs.syncDirectory(path);
    },
  };
  return { fs, calls, arm: (step: Step, code: string) => armed.set(step, code) };
}

async function openWithEvents(dir: string, options: JournalOptions = {}) {
  const events: JournalEvent[] = [];
  const journal = await Journal.open(dir, { ...options, onEvent: (e) => events.push(e) });
  return { journal, events };
}

async function idsAfterReopen(dir: string): Promise<string[]> {
  const journal = await Journal.open(dir);
  const ids = journal.ids();
  await journal.close();
  return ids;
}

const fileSize = async (dir: string) => (await stat(join(dir, JOURNAL_FILE))).size;

describe('Journal on disk', () => {
  it('keeps what was put and not acknowledged across a reopen, under one fixed file name', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    await journal.put(application(2));
    await journal.put(application(3));
    await journal.ack([id(2), id(99)]);
    expect(journal.ids()).toEqual([id(1), id(3)]);
    await journal.close();

    const reopened = await Journal.open(dir);
    expect(comparable(await all(reopened))).toEqual(comparable([application(1), application(3)]));
    expect(await reopened.read(id(2))).toBeUndefined();
    await reopened.close();
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
  });

  it('resolves a put only once its frame is fsynced', async () => {
    const dir = await tempDir();
    const { fs, calls } = faultyFs();
    const journal = await Journal.open(dir, { fs });
    calls.length = 0;
    await journal.put(application(1));
    calls.push('resolved');
    expect(calls).toEqual(['write', 'datasync', 'resolved']);
    await journal.close();
  });

  it('makes a new journal file durable in its directory before it is used', async () => {
    const { fs, calls } = faultyFs();
    const journal = await Journal.open(await tempDir(), { fs });
    expect(calls).toEqual(['syncDirectory']);
    await journal.close();
  });

  it('cuts a torn tail off at open and never replays it', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    await journal.put(application(2));
    const good = journal.stats.fileBytes;
    await journal.close();
    const torn = encodeRecord({ kind: 'put', ...application(3) });
    await appendFile(join(dir, JOURNAL_FILE), torn.subarray(0, torn.length - 5));

    const { journal: reopened, events } = await openWithEvents(dir);
    expect(reopened.ids()).toEqual([id(1), id(2)]);
    expect(events).toContainEqual({
      kind: 'torn-tail-dropped',
      offset: good,
      bytes: torn.length - 5,
    });
    expect(await fileSize(dir)).toBe(good);
    await reopened.put(application(4));
    await reopened.close();
    expect(await idsAfterReopen(dir)).toEqual([id(1), id(2), id(4)]);
  });

  it('reports damage in the middle, keeps what follows and leaves the file as it is', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    const second = journal.stats.fileBytes;
    await journal.put(application(2));
    const third = journal.stats.fileBytes;
    await journal.put(application(3));
    await journal.close();
    const bytes = await readFile(join(dir, JOURNAL_FILE));
    bytes[second + 40]! ^= 0xff;
    await writeFile(join(dir, JOURNAL_FILE), bytes);

    const { journal: reopened, events } = await openWithEvents(dir);
    expect(reopened.ids()).toEqual([id(1), id(3)]);
    expect(events).toContainEqual({ kind: 'corrupt', offset: second, bytes: third - second });
    expect(events.some((e) => e.kind === 'torn-tail-dropped')).toBe(false);
    expect(await fileSize(dir)).toBe(bytes.length);
    await reopened.close();
  });

  it('answers storage-full when the disk fills mid-write, counts nothing of it, and goes on once space is freed', async () => {
    const dir = await tempDir();
    const { fs, arm } = faultyFs();
    const journal = await Journal.open(dir, { fs });
    await journal.put(application(1));
    const before = journal.stats;
    arm('write', 'ENOSPC');
    const error = await journal.put(application(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect((error as JournalError).code).toBe('storage-full');
    expect(journal.stats).toEqual(before);
    expect(journal.has(id(2))).toBe(false);
    expect(await fileSize(dir)).toBe(before.fileBytes);

    await journal.put(application(3));
    await journal.close();
    const { journal: reopened, events } = await openWithEvents(dir);
    expect(comparable(await all(reopened))).toEqual(comparable([application(1), application(3)]));
    expect(events.filter((e) => e.kind !== 'opened')).toEqual([]);
    await reopened.close();
  });

  it('answers storage-full for EDQUOT at fsync and cuts the whole frame back', async () => {
    const dir = await tempDir();
    const { fs, arm } = faultyFs();
    const journal = await Journal.open(dir, { fs });
    arm('datasync', 'EDQUOT');
    await expect(journal.put(application(1))).rejects.toMatchObject({ code: 'storage-full' });
    expect(await fileSize(dir)).toBe(0);
    expect(journal.ids()).toEqual([]);
    await journal.close();
    expect(await idsAfterReopen(dir)).toEqual([]);
  });

  it('cuts a failed write back before the next one when it could not at once', async () => {
    const dir = await tempDir();
    const { fs, arm } = faultyFs();
    const journal = await Journal.open(dir, { fs });
    await journal.put(application(1));
    arm('write', 'ENOSPC');
    arm('truncate', 'EIO');
    await expect(journal.put(application(2))).rejects.toMatchObject({ code: 'storage-full' });
    await journal.put(application(3));
    await journal.close();
    const { journal: reopened, events } = await openWithEvents(dir);
    expect(reopened.ids()).toEqual([id(1), id(3)]);
    expect(events.filter((e) => e.kind !== 'opened')).toEqual([]);
    await reopened.close();
  });

  it('answers other disk failures as io', async () => {
    const { fs, arm } = faultyFs();
    const journal = await Journal.open(await tempDir(), { fs });
    arm('datasync', 'EIO');
    await expect(journal.put(application(1))).rejects.toMatchObject({ code: 'io' });
    await journal.close();
  });

  it('compacts once acknowledged bytes dominate, and the live entries survive it and a reopen', async () => {
    const dir = await tempDir();
    const { journal, events } = await openWithEvents(dir, { compaction: { minDeadBytes: 1000 } });
    for (let n = 1; n <= 6; n++) await journal.put(application(n, 400));
    await journal.ack([id(1), id(2)]);
    expect(events.some((e) => e.kind === 'compacted')).toBe(false);
    await journal.ack([id(3), id(5)]);
    const compacted = events.find((e) => e.kind === 'compacted');
    expect(compacted).toMatchObject({ fileBytesAfter: journal.stats.liveBytes });
    expect(journal.stats.fileBytes).toBe(journal.stats.liveBytes);
    expect(await fileSize(dir)).toBe(journal.stats.fileBytes);
    await journal.put(application(7));
    const live = [application(4, 400), application(6, 400), application(7)];
    expect(comparable(await all(journal))).toEqual(comparable(live));
    await journal.close();
    const reopened = await Journal.open(dir);
    expect(comparable(await all(reopened))).toEqual(comparable(live));
    await reopened.close();
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
  });

  it('leaves the journal as it was when the disk fills during a compaction', async () => {
    const dir = await tempDir();
    const { fs, arm } = faultyFs();
    const events: JournalEvent[] = [];
    const journal = await Journal.open(dir, {
      fs,
      compaction: { minDeadBytes: 0 },
      onEvent: (e) => events.push(e),
    });
    await journal.put(application(1));
    await journal.put(application(2));
    const size = journal.stats.fileBytes;
    arm('write', 'ENOSPC');
    await expect(journal.compact()).rejects.toMatchObject({ code: 'storage-full' });
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
    expect(await fileSize(dir)).toBe(size);

    // The ack is durable even though the compaction it set off is not.
    arm('rename', 'ENOSPC');
    await journal.ack([id(1)]);
    expect(events).toContainEqual({ kind: 'compaction-failed', code: 'storage-full' });
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
    expect(comparable(await all(journal))).toEqual(comparable([application(2)]));
    await journal.close();
    expect(await idsAfterReopen(dir)).toEqual([id(2)]);
  });

  it('syncs the directory after a compaction before anything more is appended', async () => {
    const dir = await tempDir();
    const { fs, arm, calls } = faultyFs();
    const journal = await Journal.open(dir, { fs, compaction: { minDeadBytes: 0 } });
    await journal.put(application(1));
    await journal.put(application(2));
    arm('syncDirectory', 'EIO');
    await journal.compact().catch(() => undefined);
    calls.length = 0;
    await journal.put(application(3));
    expect(calls).toEqual(['syncDirectory', 'write', 'datasync']);
    await journal.close();
    expect(await idsAfterReopen(dir)).toEqual([id(1), id(2), id(3)]);
  });

  it('deletes the copy of a compaction cut short before its rename', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    await journal.close();
    await writeFile(join(dir, 'journal.bdj.compacting'), Uint8Array.of(1, 2, 3));
    const reopened = await Journal.open(dir);
    expect(reopened.ids()).toEqual([id(1)]);
    expect(await readdir(dir)).toEqual([JOURNAL_FILE]);
    await reopened.close();
  });

  it('refuses to open, touching nothing, a journal written by newer software', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    await journal.close();
    await appendFile(join(dir, JOURNAL_FILE), encodeFrame(9, Uint8Array.of(1)));
    const size = await fileSize(dir);
    await expect(Journal.open(dir)).rejects.toMatchObject({ code: 'unsupported' });
    expect(await fileSize(dir)).toBe(size);
  });

  it('finds a live entry damaged on disk after it was opened', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await journal.put(application(1));
    const bytes = await readFile(join(dir, JOURNAL_FILE));
    bytes[bytes.length - 10]! ^= 1;
    await writeFile(join(dir, JOURNAL_FILE), bytes);
    await expect(journal.read(id(1))).rejects.toMatchObject({ code: 'corrupt' });
    await journal.close();
  });

  it('takes only opaque ids, and writes nothing for anything else', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    await expect(journal.put({ ...application(1), envelopeId: '张三' })).rejects.toThrow();
    await expect(journal.ack(['110105199001011234 张三'])).rejects.toThrow();
    expect(await fileSize(dir)).toBe(0);
    await journal.close();
  });

  it('keeps a bug a bug: a payload beyond the frame limit is a RangeError, not a disk failure', async () => {
    const dir = await tempDir();
    const journal = await Journal.open(dir);
    // One 16 MiB buffer seventeen times over: past the limit without allocating it.
    const part = new Uint8Array(16 * 1024 * 1024);
    const attachments = Array.from({ length: 17 }, (_, n) => ({ id: id(3000 + n), sealed: part }));
    const huge = { ...application(1), attachments };
    expect(17 * part.length).toBeGreaterThan(MAX_PAYLOAD_BYTES);
    await expect(journal.put(huge)).rejects.toBeInstanceOf(RangeError);
    expect(await fileSize(dir)).toBe(0);
    await journal.put(application(2));
    expect(journal.ids()).toEqual([id(2)]);
    await journal.close();
  });

  it('refuses work once closed', async () => {
    const journal = await Journal.open(await tempDir());
    await journal.close();
    await expect(journal.put(application(1))).rejects.toMatchObject({ code: 'closed' });
  });
});

/** Applies records through the journal; returns the file's length after each. */
async function applyAll(journal: Journal, records: readonly JournalRecord[]): Promise<number[]> {
  const ends: number[] = [];
  for (const record of records) {
    if (record.kind === 'put') await journal.put(record);
    else await journal.ack(record.envelopeIds);
    ends.push(journal.stats.fileBytes);
  }
  return ends;
}

describe('Journal on disk, properties', () => {
  it('compaction keeps exactly the live set, in memory and after a reopen', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, async (records) => {
        const dir = await tempDir();
        const journal = await Journal.open(dir, { compaction: { minDeadBytes: Infinity } });
        await applyAll(journal, records);
        const expected = comparable(expectedLive(records));
        await journal.compact();
        expect(journal.stats.fileBytes).toBe(journal.stats.liveBytes);
        expect(comparable(await all(journal))).toEqual(expected);
        await journal.close();
        const reopened = await Journal.open(dir);
        expect(comparable(await all(reopened))).toEqual(expected);
        await reopened.close();
      }),
      { numRuns: 25 },
    );
  });

  it('a file cut at any byte opens to exactly the entries whose appends had resolved', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, fc.nat(), async (records, at) => {
        const dir = await tempDir();
        const journal = await Journal.open(dir);
        const ends = await applyAll(journal, records);
        await journal.close();
        const bytes = await readFile(join(dir, JOURNAL_FILE));
        const cut = at % (bytes.length + 1);
        const crashed = await tempDir();
        await writeFile(join(crashed, JOURNAL_FILE), bytes.subarray(0, cut));

        const resolved = ends.filter((end) => end <= cut).length;
        const reopened = await Journal.open(crashed);
        expect(comparable(await all(reopened))).toEqual(
          comparable(expectedLive(records.slice(0, resolved))),
        );
        expect(await fileSize(crashed)).toBe(resolved === 0 ? 0 : ends[resolved - 1]);
        await reopened.close();
      }),
      { numRuns: 40 },
    );
  });

  it('puts of any content read back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(putArb, { maxLength: 4 }), async (puts) => {
        const dir = await tempDir();
        const journal = await Journal.open(dir);
        for (const put of puts) await journal.put(put);
        expect(comparable(await all(journal))).toEqual(
          comparable(expectedLive(puts.map((p) => ({ kind: 'put' as const, ...p })))),
        );
        await journal.close();
      }),
      { numRuns: 20 },
    );
  });
});
