// A rejected bridge call in words for the technician. Errors come back from the bridge as
// KioskError-like objects with a `.code`; anything else is "unexpected". The host's own
// message is shown only where it helps (device errors) and is masked first, since a
// driver may echo what it read.
import { formatDuration } from './duration';
import { maskPersonalRuns } from './scan-preview';
import { isMessageKey } from '../../domain/i18n/messages';
import type { Translate } from '../../domain/i18n/translator';

export interface ErrorShape {
  code?: string;
  message?: string;
  details?: unknown;
}

export function errorShape(error: unknown): ErrorShape {
  if (typeof error !== 'object' || error === null) return {};
  const { code, message, details } = error as Record<string, unknown>;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(details === undefined ? {} : { details }),
  };
}

function retryAfterSeconds(details: unknown): number | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const value = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A driver's report travels as a key of domain/i18n and its params: said in the console's locale. */
function reportedText(details: unknown, t: Translate): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { key, params } = details as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !isMessageKey(key)) return undefined;
  const values = typeof params === 'object' && params !== null ? params : {};
  return t(key, values as Record<string, string>);
}

function detailOf(message: string | undefined, t: Translate, details?: unknown): string {
  const said = reportedText(details, t) ?? message;
  if (!said) return t('value.unknown');
  const { text } = maskPersonalRuns(said);
  return Array.from(text).length > 160 ? `${Array.from(text).slice(0, 160).join('')}…` : text;
}

/** `login` turns UNAUTHORIZED into "wrong PIN"; elsewhere the console signs out on it. */
export function errorText(error: unknown, t: Translate, context: 'login' | 'action'): string {
  const { code, message, details } = errorShape(error);
  switch (code) {
    case 'UNAUTHORIZED':
      return context === 'login' ? t('error.wrongPin') : t('signout.rejected');
    case 'LOCKED_OUT': {
      const seconds = retryAfterSeconds(details);
      return seconds === undefined
        ? t('error.lockedOutUnknown')
        : t('error.lockedOut', { time: formatDuration(seconds * 1000, t) });
    }
    case 'HOST_UNAVAILABLE':
      return t('error.hostUnavailable');
    case 'TIMEOUT':
      return t('error.timeout');
    case 'DEVICE_UNAVAILABLE':
      return t('error.deviceUnavailable');
    case 'DEVICE_ERROR':
      return t('error.deviceError', { detail: detailOf(message, t, details) });
    case 'PRINTER_NOT_READY':
      return t('error.printerNotReady');
    case 'NO_CARD':
      return t('error.noCard');
    case 'INVALID_ARGUMENT':
      return t('error.invalidArgument', { detail: detailOf(message, t) });
    default:
      return t('error.unexpected', { code: code ?? t('value.unknown') });
  }
}

/** The host refused our token: the console must go back to the PIN pad. */
export function isSessionRejected(error: unknown): boolean {
  return errorShape(error).code === 'UNAUTHORIZED';
}
