import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { RunningKiosk } from './kiosk-fixture';
import { CITIZEN } from './journey-answers';

// The platform's own record of what reached it, read from its SQLite file: what the kiosk
// says on screen is checked against what the platform really holds.

export interface SubmittedApplication {
  receiptNumber: string;
  serviceCode: string;
}

export interface StoredApplication {
  id: string;
  service_code: string;
  receipt_number: string;
  id_hash: string;
}

export interface StoredRating {
  application_id: string;
  level: number;
  content: string;
}

/** The rows `sql` selects from the platform's database, opened read-only. */
export function readPlatform<T>(kiosk: RunningKiosk, sql: string): T[] {
  const db = new Database(join(kiosk.dataDir, 'platform', 'platform.db'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

export function platformApplications(kiosk: RunningKiosk): StoredApplication[] {
  return readPlatform(kiosk, 'SELECT id, service_code, receipt_number, id_hash FROM applications');
}

export function platformRatings(kiosk: RunningKiosk): StoredRating[] {
  return readPlatform(kiosk, 'SELECT application_id, level, content FROM ratings');
}

/** How many times the platform holds the application with this receipt number. */
export function platformCopies(kiosk: RunningKiosk, receiptNumber: string): number {
  return platformApplications(kiosk).filter((a) => a.receipt_number === receiptNumber).length;
}

/**
 * The platform holds each of these applications exactly once, under its service, with the
 * ID number only as a keyed hash; and no receipt number twice at all (other files' journeys
 * share the kiosk, so theirs are there too).
 */
export function expectPlatformHoldsEachOnce(
  kiosk: RunningKiosk,
  submitted: readonly SubmittedApplication[],
): void {
  const stored = platformApplications(kiosk);
  const receipts = stored.map((a) => a.receipt_number);
  expect(
    receipts.filter((r, i) => receipts.indexOf(r) !== i),
    'receipt numbers the platform holds twice',
  ).toEqual([]);
  for (const mine of submitted) {
    const copies = stored.filter((a) => a.receipt_number === mine.receiptNumber);
    expect(copies, `the platform's copies of ${mine.receiptNumber}`).toHaveLength(1);
    expect(copies[0]?.service_code).toBe(mine.serviceCode);
    expect(copies[0]?.id_hash.includes(CITIZEN.idNumber)).toBe(false);
  }
}
