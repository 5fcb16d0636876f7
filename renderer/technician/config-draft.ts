// The technician's edit of the kiosk settings: what may be changed on site, the checks
// before anything is sent, and the smallest patch for config.set. The host validates
// again (ConfigPatch in the contract); these checks are for a clear message at the field.
import type { z } from 'zod';
import type { ConfigPatch, KioskConfig } from '../../devices/bridge/contract';
import type { MessageKey, MessageParams } from '../../domain/i18n/messages';
import type { Locale } from '../../domain/locale';

export type ConfigPatchInput = z.input<typeof ConfigPatch>;

export interface ConfigDraft {
  roomName: string;
  hotline: string;
  idleTimeoutSeconds: number;
  locale: Locale;
}

export const roomNameMaxLength = 40;
export const idleTimeoutRange = { min: 30, max: 600, step: 15 } as const;
const hotlinePattern = /^[\d-]{3,20}$/;

export function draftFrom(config: KioskConfig): ConfigDraft {
  return {
    roomName: config.roomName,
    hotline: config.hotline,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    locale: config.locale,
  };
}

export interface DraftProblem {
  key: MessageKey;
  params?: MessageParams;
}

export function draftProblems(
  draft: ConfigDraft,
): Partial<Record<keyof ConfigDraft, DraftProblem>> {
  const problems: Partial<Record<keyof ConfigDraft, DraftProblem>> = {};
  const room = draft.roomName.trim();
  if (room === '') problems.roomName = { key: 'config.problem.roomNameEmpty' };
  else if (Array.from(room).length > roomNameMaxLength) {
    problems.roomName = { key: 'config.problem.roomNameLong', params: { n: roomNameMaxLength } };
  }
  if (!hotlinePattern.test(draft.hotline.trim()))
    problems.hotline = { key: 'config.problem.hotline' };
  const idle = draft.idleTimeoutSeconds;
  if (!Number.isInteger(idle) || idle < idleTimeoutRange.min || idle > idleTimeoutRange.max) {
    problems.idleTimeoutSeconds = {
      key: 'config.problem.idleRange',
      params: { min: idleTimeoutRange.min, max: idleTimeoutRange.max },
    };
  }
  return problems;
}

/** Only the fields that changed, trimmed; empty when nothing did. */
export function draftPatch(config: KioskConfig, draft: ConfigDraft): ConfigPatchInput {
  const patch: ConfigPatchInput = {};
  const room = draft.roomName.trim();
  const hotline = draft.hotline.trim();
  if (room !== config.roomName) patch.roomName = room;
  if (hotline !== config.hotline) patch.hotline = hotline;
  if (draft.idleTimeoutSeconds !== config.idleTimeoutSeconds) {
    patch.idleTimeoutSeconds = draft.idleTimeoutSeconds;
  }
  if (draft.locale !== config.locale) patch.locale = draft.locale;
  return patch;
}

export function stepIdleTimeout(seconds: number, direction: -1 | 1): number {
  const { min, max, step } = idleTimeoutRange;
  // From an odd value (set elsewhere), the first step lands on the grid.
  const next =
    direction > 0
      ? Math.floor(seconds / step) * step + step
      : Math.ceil(seconds / step) * step - step;
  return Math.min(max, Math.max(min, next));
}
