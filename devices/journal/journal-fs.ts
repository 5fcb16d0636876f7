// The few file operations the journal needs, as an interface so that tests can make the
// disk fill up (ENOSPC, EDQUOT) at any step.
import { open, mkdir, rename, unlink } from 'node:fs/promises';

export interface JournalHandle {
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

export interface JournalFs {
  open(path: string, flags: 'r' | 'r+' | 'w+'): Promise<JournalHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** Makes a new name or a rename in the directory survive a power cut. */
  syncDirectory(path: string): Promise<void>;
}

export const nodeJournalFs: JournalFs = {
  open: (path, flags) => open(path, flags),
  rename,
  unlink,
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  syncDirectory: async (path) => {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** A write may stop short of its length; the rest is written until all of it is. */
export async function writeFully(
  handle: JournalHandle,
  bytes: Uint8Array,
  position: number,
): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    // A disk that takes nothing and reports no error would otherwise spin here forever.
    if (bytesWritten === 0)
      throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/** Reads `length` bytes at `position`, or fewer if the file ends first. */
export async function readFully(
  handle: JournalHandle,
  length: number,
  position: number,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(bytes, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? bytes : bytes.subarray(0, done);
}

export function isMissing(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ENOENT';
}
