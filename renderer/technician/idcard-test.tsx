import { useState } from 'react';
import type { KioskApi } from '../../devices/bridge/contract';
import { formatDuration } from './duration';
import { identityPreview, type IdentityPreview } from './identity-preview';
import { localDate } from './local-time';
import type { Translate } from '../../domain/i18n/translator';
import { ActionNote } from './action-note';
import { BusyButton } from './busy-button';
import { useAction } from './use-action';

interface IdcardTestProps {
  t: Translate;
  kiosk: KioskApi;
  now(): number;
  describeError(error: unknown): string;
}

type Result = { preview: IdentityPreview; tookMs: number };

export function IdcardTest({ t, kiosk, now, describeError }: IdcardTestProps) {
  const { busy: reading, message, run } = useAction();
  const [result, setResult] = useState<Result | undefined>();

  const read = () => {
    setResult(undefined);
    const started = now();
    run(
      () => kiosk.idcard.readOnce({ timeoutMs: 15_000 }),
      (identity) => {
        // Masked here, before React holds anything: the clear identity goes out of scope.
        setResult({
          preview: identityPreview(identity, localDate(now())),
          tookMs: now() - started,
        });
        return undefined;
      },
      describeError,
    );
  };

  const preview = result?.preview;
  return (
    <article className="tech-card" aria-labelledby="tech-idcard-title">
      <h3 id="tech-idcard-title">{t('idcard.title')}</h3>
      <p className="tech-muted">{t('idcard.privacy')}</p>
      <BusyButton
        busy={reading}
        label={t('idcard.read')}
        busyLabel={t('idcard.reading')}
        onClick={read}
      />
      <ActionNote message={message} />
      {preview && result ? (
        <dl className="tech-facts" data-testid="tech-idcard-result">
          <dt>{t('idcard.cardType')}</dt>
          <dd>{t(`cardType.${preview.cardType}`)}</dd>
          <dt>{t('idcard.name')}</dt>
          <dd className="tech-mono">{preview.maskedName}</dd>
          <dt>{t('idcard.number')}</dt>
          <dd className="tech-mono">{preview.maskedIdNumber}</dd>
          <dt>{t('idcard.checksum')}</dt>
          <dd className={preview.idNumberValid ? 'tech-text-ok' : 'tech-text-fault'}>
            {preview.idNumberValid ? t('idcard.checksumOk') : t('idcard.checksumBad')}
          </dd>
          <dt>{t('idcard.photo')}</dt>
          <dd>{preview.hasPhoto ? t('idcard.photoYes') : t('idcard.photoNo')}</dd>
          {preview.expired === undefined ? null : (
            <>
              <dt>{t('idcard.validity')}</dt>
              <dd className={preview.expired ? 'tech-text-fault' : 'tech-text-ok'}>
                {preview.expired ? t('idcard.expired') : t('idcard.valid')}
              </dd>
            </>
          )}
          <dt>{t('idcard.duration')}</dt>
          <dd>{formatDuration(result.tookMs, t)}</dd>
        </dl>
      ) : null}
    </article>
  );
}
