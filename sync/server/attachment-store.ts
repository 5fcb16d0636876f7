import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import type { Database } from './database';

/**
 * A tus DataStore that keeps sealed attachment chunks in the database rather than on local
 * disk: nothing but the database holds state, so any instance can take the next chunk.
 * Each chunk is one row; a write only lands when the stored offset is still the one the
 * client resumed from, which keeps concurrent writers from interleaving.
 */
export class AttachmentStore extends DataStore {
  constructor(private readonly db: Database) {
    super();
    this.extensions = ['creation'];
  }

  override async create(upload: Upload): Promise<Upload> {
    const changed = await this.db.run(
      'UPDATE attachments SET upload_offset = 0 WHERE id = $1 AND upload_offset IS NULL',
      [upload.id],
    );
    if (changed !== 1) throw ERRORS.INVALID_OFFSET;
    upload.offset = 0;
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const rows = await this.db.query<{
      size: number;
      upload_offset: number | null;
      application_id: string;
    }>('SELECT size, upload_offset, application_id FROM attachments WHERE id = $1', [id]);
    const row = rows[0];
    if (row === undefined || row.upload_offset === null) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id,
      size: Number(row.size),
      offset: Number(row.upload_offset),
      metadata: { applicationId: row.application_id, attachmentId: id },
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const parts: Buffer[] = [];
    for await (const part of stream) parts.push(Buffer.from(part as Uint8Array));
    const data = Buffer.concat(parts);
    if (data.byteLength === 0) return offset;
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{
        size: number;
        upload_offset: number | null;
        completed_at: number | null;
      }>('SELECT size, upload_offset, completed_at FROM attachments WHERE id = $1', [id]);
      const row = rows[0];
      if (row === undefined || row.upload_offset === null) throw ERRORS.FILE_NOT_FOUND;
      if (Number(row.upload_offset) !== offset || row.completed_at !== null)
        throw ERRORS.INVALID_OFFSET;
      const next = offset + data.byteLength;
      if (next > Number(row.size)) throw ERRORS.ERR_SIZE_EXCEEDED;
      await tx.run(
        'INSERT INTO attachment_chunks (attachment_id, chunk_offset, data) VALUES ($1, $2, $3)',
        [id, offset, data],
      );
      await tx.run('UPDATE attachments SET upload_offset = $1 WHERE id = $2', [next, id]);
      return next;
    });
  }

  /** The whole sealed blob, once complete. */
  async read(id: string): Promise<Buffer> {
    const rows = await this.db.query<{ data: Uint8Array }>(
      'SELECT data FROM attachment_chunks WHERE attachment_id = $1 ORDER BY chunk_offset',
      [id],
    );
    return Buffer.concat(rows.map((r) => Buffer.from(r.data)));
  }

  /** Marks the upload complete when its digest is the declared one, else discards it for a fresh upload. */
  async finish(id: string, now: number): Promise<'complete' | 'digest-mismatch'> {
    const declared = await this.db.query<{ sha256: string }>(
      'SELECT sha256 FROM attachments WHERE id = $1',
      [id],
    );
    const actual = createHash('sha256')
      .update(await this.read(id))
      .digest('base64url');
    if (actual === declared[0]?.sha256) {
      await this.db.run(
        'UPDATE attachments SET completed_at = $1 WHERE id = $2 AND completed_at IS NULL',
        [now, id],
      );
      return 'complete';
    }
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM attachment_chunks WHERE attachment_id = $1', [id]);
      await tx.run('UPDATE attachments SET upload_offset = NULL WHERE id = $1', [id]);
    });
    return 'digest-mismatch';
  }
}
