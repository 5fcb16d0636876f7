import type { SealedApplication } from '../application-sealer';
import { isQuotaError } from '../storage-admission';
import { SubmissionError } from '../submission-error';
import type { KioskDb } from './kiosk-db';

/**
 * Writes a sealed application in one transaction (strict durability, see KioskDb): the
 * envelope and all its images are on disk together, or nothing is. A full disk aborts the
 * transaction, so nothing already queued is touched.
 */
export async function storeSealedApplication(
  db: KioskDb,
  sealed: SealedApplication,
): Promise<void> {
  try {
    await db.transaction('rw', db.outbox, db.attachments, async () => {
      await db.attachments.bulkAdd(sealed.attachments);
      await db.outbox.add(sealed.entry);
    });
  } catch (error) {
    if (isQuotaError(error))
      throw new SubmissionError('STORAGE_FULL', 'the write hit the storage quota');
    throw error;
  }
}
