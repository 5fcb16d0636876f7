import { useCallback, useEffect, useState } from 'react';
import type { KioskApi, PrinterStatus } from '../../devices/bridge/contract';
import { formatBytes } from './byte-size';
import { HealthBadge } from './health-badge';
import { printerFlags, printerTone } from './printer-flags';
import type { Translate } from '../../domain/i18n/translator';
import { ActionNote } from './action-note';
import { BusyButton } from './busy-button';
import { useAction } from './use-action';

interface PrinterTestProps {
  t: Translate;
  kiosk: KioskApi;
  printTestPage(): Promise<{ jobId: string; bytes: number }>;
  describeError(error: unknown): string;
}

export function PrinterTest({ t, kiosk, printTestPage, describeError }: PrinterTestProps) {
  const [status, setStatus] = useState<PrinterStatus | undefined>();
  const { busy: printing, message, run, say } = useAction();

  const refresh = useCallback(() => {
    kiosk.printer
      .status()
      .then(setStatus, (failure: unknown) => say({ text: describeError(failure), error: true }));
  }, [kiosk, describeError, say]);

  useEffect(() => {
    refresh();
    // The host pushes every change of the printer's state; polling would add nothing.
    return kiosk.on('printer.status', setStatus);
  }, [kiosk, refresh]);

  const print = () =>
    run(
      printTestPage,
      (result) => t('printer.printed', { job: result.jobId, bytes: formatBytes(result.bytes) }),
      describeError,
    );

  return (
    <article className="tech-card" aria-labelledby="tech-printer-title">
      <header className="tech-role-head">
        <h3 id="tech-printer-title">{t('printer.title')}</h3>
        {status ? (
          <HealthBadge tone={printerTone(status)} label={t(`printer.state.${status.state}`)} />
        ) : null}
      </header>
      {status ? (
        <ul className="tech-flags">
          {printerFlags(status).map((flag) => (
            <li key={flag.flag} className={`tech-flag tech-tone-${flag.tone}`}>
              <span>{t(`printer.flag.${flag.flag}`)}</span>
              <strong>{flag.active ? t('common.yes') : t('common.no')}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="tech-muted">{t('common.loading')}</p>
      )}
      {status?.model ? <p className="tech-muted">{status.model}</p> : null}
      <div className="tech-actions">
        <button type="button" className="tech-button" onClick={refresh}>
          {t('printer.refresh')}
        </button>
        <BusyButton
          busy={printing}
          label={t('printer.testPage')}
          busyLabel={t('printer.printing')}
          onClick={print}
        />
      </div>
      <ActionNote message={message} />
    </article>
  );
}
