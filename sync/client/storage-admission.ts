/**
 * Whether the kiosk may take one more application, given what the browser says about its
 * storage. The kiosk stops taking applications while there is still room, so that
 * everything already queued, its bookkeeping, and the catalogue updates still fit: a full
 * disk must cost a citizen a refusal at the start, never an application after "submitted".
 */
export interface StorageEstimateLike {
  usage?: number | undefined;
  quota?: number | undefined;
}

export interface AdmissionPolicy {
  /** Share of the quota that applications may fill. */
  maxShare: number;
  /** Kept free whatever the quota. */
  reserveBytes: number;
}

export const defaultAdmissionPolicy: AdmissionPolicy = {
  maxShare: 0.8,
  reserveBytes: 64 * 1024 * 1024,
};

export type Admission =
  | { ok: true; headroomBytes: number }
  | { ok: false; reason: 'storage-full' | 'storage-unknown'; headroomBytes: number };

export function admitApplication(
  estimate: StorageEstimateLike,
  incomingBytes: number,
  policy: AdmissionPolicy = defaultAdmissionPolicy,
): Admission {
  const { usage, quota } = estimate;
  if (usage === undefined || quota === undefined || quota <= 0) {
    // Without an estimate the write itself is the test; a QuotaExceededError still refuses cleanly.
    return { ok: true, headroomBytes: Number.POSITIVE_INFINITY };
  }
  const limit = Math.min(quota * policy.maxShare, quota - policy.reserveBytes);
  const headroomBytes = Math.floor(limit - usage - incomingBytes);
  // Sealed sizes exceed the clear ones a little, and IndexedDB adds its own overhead.
  return headroomBytes >= 0
    ? { ok: true, headroomBytes }
    : { ok: false, reason: 'storage-full', headroomBytes };
}

/** IndexedDB's way of saying the disk or the origin's quota is full, across engines. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as { inner?: unknown }).inner;
  return (
    error.name === 'QuotaExceededError' ||
    /quota/i.test(error.message) ||
    (inner !== undefined && isQuotaError(inner))
  );
}
