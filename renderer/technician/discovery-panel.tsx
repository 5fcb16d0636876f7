import { useState } from 'react';
import type { HealthBoard } from './device-health-board';
import { discoveryRows, type Discovery, type DiscoveryRow } from './discovery-listing';
import type { Translate } from '../../domain/i18n/translator';
import { ActionNote } from './action-note';
import { BusyButton } from './busy-button';
import { useAction } from './use-action';

interface DiscoveryPanelProps {
  t: Translate;
  board: HealthBoard;
  /** Runs an admin call with the session's token; rejects with the call's error. */
  discover(): Promise<Discovery>;
  describeError(error: unknown): string;
}

export function DiscoveryPanel({ t, board, discover, describeError }: DiscoveryPanelProps) {
  const [found, setFound] = useState<Discovery | undefined>();
  const { busy, message, run } = useAction();

  const search = () =>
    run(
      discover,
      (result) => {
        setFound(result);
        return undefined;
      },
      describeError,
    );

  const rows: DiscoveryRow[] = found ? discoveryRows(found, board) : [];
  return (
    <section className="tech-panel" aria-labelledby="tech-discover-title">
      <h2 id="tech-discover-title" className="tech-panel-title">
        {t('discover.title')}
        {found ? (
          <span className="tech-panel-subtitle">
            {t('discover.count', { serial: found.serial.length, hid: found.hid.length })}
          </span>
        ) : null}
      </h2>
      <BusyButton
        busy={busy}
        primary={false}
        label={t('discover.run')}
        busyLabel={t('discover.running')}
        onClick={search}
      />
      <ActionNote message={message} />
      {found && rows.length === 0 ? <p className="tech-muted">{t('discover.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="tech-table-wrap">
          <table className="tech-table">
            <thead>
              <tr>
                <th scope="col">{t('discover.bus')}</th>
                <th scope="col">{t('discover.usbId')}</th>
                <th scope="col">{t('discover.name')}</th>
                <th scope="col">{t('discover.path')}</th>
                <th scope="col">{t('discover.usage')}</th>
                <th scope="col">{t('discover.role')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr
                  key={`${row.bus}-${row.path ?? ''}-${row.usbId ?? ''}-${i}`}
                  className={row.boundTo ? 'tech-row-bound' : undefined}
                >
                  <td>{row.bus === 'serial' ? 'Serial' : 'HID'}</td>
                  <td className="tech-mono">{row.usbId ?? '—'}</td>
                  <td>{row.label ?? '—'}</td>
                  <td className="tech-mono tech-path">
                    {row.path ?? '—'}
                    {row.byId ? <span className="tech-by-id">{row.byId}</span> : null}
                  </td>
                  <td className="tech-mono">{row.usage ?? '—'}</td>
                  <td>
                    {row.boundTo ? (
                      t(`role.${row.boundTo}`)
                    ) : (
                      <span className="tech-muted">{t('discover.unbound')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
