import { z } from 'zod';

/** 已提交 → 已受理 → 办理中 → 已办结, with 不予受理 and 需补正 on the side. */
export const ApplicationStatus = z.enum([
  'submitted',
  'accepted',
  'processing',
  'completed',
  'refused',
  'correction-required',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** The wire carries the code; each screen says it in its own language (domain/i18n). */
export function applicationStatusKey(status: ApplicationStatus) {
  return `applicationStatus.${status}` as const;
}

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['accepted', 'refused', 'correction-required'],
  // After 补正 the authority decides afresh whether to accept.
  'correction-required': ['accepted', 'refused'],
  accepted: ['processing', 'correction-required'],
  processing: ['completed', 'correction-required'],
  completed: [],
  refused: [],
};

export const MAX_STATUS_REASON = 500;

export function nextStatuses(from: ApplicationStatus): readonly ApplicationStatus[] {
  return NEXT[from];
}

export function isTerminalStatus(status: ApplicationStatus): boolean {
  return NEXT[status].length === 0;
}

/** 不予受理 and 需补正 must tell the citizen why. */
export function statusNeedsReason(status: ApplicationStatus): boolean {
  return status === 'refused' || status === 'correction-required';
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'terminal' | 'not-allowed' | 'reason-required' | 'reason-too-long' };

export function checkTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  reason?: string,
): TransitionCheck {
  if (isTerminalStatus(from)) return { ok: false, reason: 'terminal' };
  if (!NEXT[from].includes(to)) return { ok: false, reason: 'not-allowed' };
  const trimmed = reason?.trim() ?? '';
  if (statusNeedsReason(to) && trimmed === '') return { ok: false, reason: 'reason-required' };
  if (trimmed.length > MAX_STATUS_REASON) return { ok: false, reason: 'reason-too-long' };
  return { ok: true };
}
