import { useCallback, useRef, useSyncExternalStore } from 'react';
import { formatBytes, usagePercent } from './byte-size';
import { formatDuration } from './duration';
import { errorText } from './error-text';
import { HealthBadge } from './health-badge';
import { formatTimeAgo, toEpochMs } from './local-time';
import { maskPersonalRuns } from './scan-preview';
import type { SyncStatus } from '../../sync/client/sync-status';
import type { SyncHealthPort } from './sync-health-port';
import type { Translate } from '../../domain/i18n/translator';
import { ActionNote } from './action-note';
import { BusyButton } from './busy-button';
import { useAction } from './use-action';

interface SyncHealthPanelProps {
  t: Translate;
  port: SyncHealthPort;
  nowMs: number;
}

function sameHealth(a: SyncStatus, b: SyncStatus): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SyncStatus>;
  return [...keys].every((key) => Object.is(a[key], b[key]));
}

/**
 * The port's status as React state: the last pushed status, or status() until the first
 * push. Equal snapshots are the same object, as useSyncExternalStore needs.
 */
function useSyncHealth(port: SyncHealthPort): SyncStatus {
  const pushed = useRef<SyncStatus | undefined>(undefined);
  const last = useRef<SyncStatus | undefined>(undefined);
  const subscribe = useCallback(
    (changed: () => void) =>
      port.onStatus((status) => {
        pushed.current = status;
        changed();
      }),
    [port],
  );
  const snapshot = useCallback(() => {
    const next = pushed.current ?? port.status();
    if (last.current && sameHealth(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [port]);
  return useSyncExternalStore(subscribe, snapshot);
}

function Fact({
  label,
  children,
  tone,
}: {
  label: string;
  children: React.ReactNode;
  tone?: string;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={tone ? `tech-text-${tone}` : undefined}>{children}</dd>
    </>
  );
}

export function SyncHealthPanel({ t, port, nowMs }: SyncHealthPanelProps) {
  const health = useSyncHealth(port);
  const { busy, message, run } = useAction();

  const syncNow = () =>
    run(
      () => port.syncNow(),
      () => t('sync.requested'),
      (failure) => t('sync.failed', { detail: errorText(failure, t, 'action') }),
    );

  const lastSuccess = toEpochMs(health.lastSuccessAt);
  const percent = usagePercent(health.usage, health.quota);
  const quarantined = health.quarantined ?? 0;
  // The engine's words, masked in case a platform echoed something it should not have.
  const lastError = health.lastError ? maskPersonalRuns(health.lastError).text : undefined;
  return (
    <section className="tech-panel" aria-labelledby="tech-sync-title">
      <h2 id="tech-sync-title" className="tech-panel-title">
        {t('sync.title')}
        <HealthBadge
          tone={health.online ? 'ok' : 'fault'}
          label={health.online ? t('sync.online') : t('sync.offline')}
        />
      </h2>
      <div className="tech-card">
        <dl className="tech-facts tech-facts-wide">
          <Fact label={t('sync.queueDepth')} tone={health.queueDepth > 0 ? 'warn' : undefined}>
            {t('sync.items', { n: health.queueDepth })}
          </Fact>
          <Fact label={t('sync.oldest')}>
            {health.oldestAgeMs == null ? '—' : formatDuration(health.oldestAgeMs, t)}
          </Fact>
          <Fact label={t('sync.lastSuccess')}>
            {lastSuccess === undefined ? t('sync.never') : formatTimeAgo(lastSuccess, nowMs, t)}
          </Fact>
          <Fact label={t('sync.lastError')} tone={lastError ? 'fault' : undefined}>
            <span className="tech-reason">{lastError ?? t('sync.noError')}</span>
          </Fact>
          <Fact label={t('sync.quarantined')} tone={quarantined > 0 ? 'fault' : undefined}>
            {t('sync.items', { n: quarantined })}
          </Fact>
          <Fact label={t('sync.persisted')} tone={health.persisted === false ? 'warn' : undefined}>
            {health.persisted == null
              ? t('value.unknown')
              : health.persisted
                ? t('sync.persistedYes')
                : t('sync.persistedNo')}
          </Fact>
          <Fact
            label={t('sync.storage')}
            tone={percent !== undefined && percent >= 80 ? 'fault' : undefined}
          >
            {percent === undefined || health.usage == null || health.quota == null ? (
              t('value.unknown')
            ) : (
              <>
                {t('sync.usage', {
                  usage: formatBytes(health.usage),
                  quota: formatBytes(health.quota),
                  percent: percent < 1 && percent > 0 ? '<1' : Math.round(percent),
                })}
                <meter
                  className="tech-meter"
                  min={0}
                  max={100}
                  low={60}
                  high={80}
                  optimum={0}
                  value={percent}
                />
              </>
            )}
          </Fact>
        </dl>
        <div className="tech-actions">
          <BusyButton
            busy={busy}
            label={t('sync.now')}
            busyLabel={t('sync.running')}
            onClick={syncNow}
          />
        </div>
        <ActionNote message={message} />
      </div>
    </section>
  );
}
