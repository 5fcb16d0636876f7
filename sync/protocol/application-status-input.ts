// An application status as an operator types it. Apart from the status machine because it
// reads the labels of the i18n module, which the kiosk's sync worker has no use for.
import { translator } from '../../domain/i18n/translator';
import { ApplicationStatus, applicationStatusKey } from './application-status';

/** Accepts the code (`accepted`) or either label (`已受理`, `Accepted`), as operators type them. */
export function parseApplicationStatus(text: string): ApplicationStatus | undefined {
  const wanted = text.trim().toLowerCase();
  const [zh, en] = [translator('zh-CN'), translator('en')];
  for (const status of ApplicationStatus.options) {
    const key = applicationStatusKey(status);
    if (status === wanted || zh(key) === text.trim() || en(key).toLowerCase() === wanted)
      return status;
  }
  return undefined;
}
