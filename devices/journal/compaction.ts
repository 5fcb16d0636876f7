// Compaction: once acknowledged applications fill most of the file, the live ones are copied
// to a new file, which replaces the old by a rename. A crash before the rename leaves the old
// journal whole (the half-written copy is deleted at the next open); after it, the new one.
import { checkFrame } from './frame';
import { readFully, writeFully, type JournalFs, type JournalHandle } from './journal-fs';
import type { LiveEntry } from './live-set';
import type { Damage } from './replay';

export interface CompactionPolicy {
  /** Below this many dead bytes a rewrite costs more than the space it frees. */
  minDeadBytes: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { minDeadBytes: 1024 * 1024 };

/** Dead bytes (acked puts, acks, damage) dominate: more of them than of live ones. */
export function worthCompacting(
  fileBytes: number,
  liveBytes: number,
  policy: CompactionPolicy,
): boolean {
  const dead = fileBytes - liveBytes;
  return dead >= policy.minDeadBytes && dead > liveBytes;
}

export interface Rewritten {
  /** Open on the new file, now under the journal's name. */
  handle: JournalHandle;
  entries: LiveEntry[];
  bytes: number;
  /** Live frames that no longer checked out on disk: they cannot be copied, only reported. */
  dropped: Damage[];
}

/**
 * Copies the live frames, verbatim and checked, from `source` to `tempPath`, makes the copy
 * durable, and renames it to `path`. The caller still has to sync the directory.
 */
export async function rewriteLive(
  fs: JournalFs,
  source: JournalHandle,
  live: readonly LiveEntry[],
  tempPath: string,
  path: string,
): Promise<Rewritten> {
  const handle = await fs.open(tempPath, 'w+');
  try {
    const entries: LiveEntry[] = [];
    const dropped: Damage[] = [];
    let at = 0;
    for (const entry of live) {
      const frame = await readFully(source, entry.bytes, entry.offset);
      const check = checkFrame(frame, 0, frame.length);
      if (check.kind !== 'ok' || check.end !== frame.length) {
        dropped.push({ offset: entry.offset, bytes: entry.bytes });
        continue;
      }
      await writeFully(handle, frame, at);
      entries.push({ ...entry, offset: at });
      at += frame.length;
    }
    await handle.sync();
    await fs.rename(tempPath, path);
    return { handle, entries, bytes: at, dropped };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    throw error;
  }
}
