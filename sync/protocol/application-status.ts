import { z } from 'zod';
import type { LocalizedText } from '../../domain/localized-text';

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

export const STATUS_LABELS: Record<ApplicationStatus, LocalizedText> = {
  submitted: { 'zh-CN': '已提交', en: 'Submitted' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  processing: { 'zh-CN': '办理中', en: 'In progress' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
  refused: { 'zh-CN': '不予受理', en: 'Not accepted' },
  'correction-required': { 'zh-CN': '需补正', en: 'Correction required' },
};

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

/** Accepts the code (`accepted`) or either label (`已受理`, `Accepted`), as operators type them. */
export function parseApplicationStatus(text: string): ApplicationStatus | undefined {
  const wanted = text.trim().toLowerCase();
  for (const status of ApplicationStatus.options) {
    const labels = STATUS_LABELS[status];
    if (status === wanted || labels['zh-CN'] === text.trim() || labels.en.toLowerCase() === wanted)
      return status;
  }
  return undefined;
}
