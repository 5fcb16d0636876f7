import type { DeviceRole } from '../../devices/bridge/contract';
import { healthTone, roleOrder, summarizeBoard, type HealthBoard } from './device-health-board';
import { HealthBadge } from './health-badge';
import { formatTimeAgo } from './local-time';
import type { Translate } from '../../domain/i18n/translator';

interface DeviceStatusPanelProps {
  t: Translate;
  board: HealthBoard;
  nowMs: number;
}

export function boardSummaryText(board: HealthBoard, t: Translate): string {
  const summary = summarizeBoard(board);
  if (summary.attention.length === 0 && summary.idle.length === 0) return t('health.allGood');
  return t('health.summary', {
    working: summary.working.length,
    attention: summary.attention.length,
    idle: summary.idle.length,
  });
}

function RoleCard({ role, board, t, nowMs }: { role: DeviceRole } & DeviceStatusPanelProps) {
  const health = board[role];
  const tone = healthTone(health?.state);
  const since = health ? Date.parse(health.since) : Number.NaN;
  return (
    <article
      className={`tech-card tech-role tech-role-${tone}`}
      aria-labelledby={`tech-role-${role}`}
    >
      <header className="tech-role-head">
        <h3 id={`tech-role-${role}`}>{t(`role.${role}`)}</h3>
        <HealthBadge
          tone={tone}
          label={health ? t(`health.${health.state}`) : t('health.unreported')}
        />
      </header>
      {health ? (
        <dl className="tech-facts">
          {health.device ? (
            <>
              <dt>{t('field.device')}</dt>
              <dd className="tech-mono">{health.device}</dd>
            </>
          ) : null}
          {health.model ? (
            <>
              <dt>{t('field.model')}</dt>
              <dd>{health.model}</dd>
            </>
          ) : null}
          {health.reason ? (
            <>
              <dt>{t('field.reason')}</dt>
              <dd className="tech-reason">{health.reason}</dd>
            </>
          ) : null}
          <dt>{t('field.since')}</dt>
          <dd>{formatTimeAgo(since, nowMs, t)}</dd>
        </dl>
      ) : null}
    </article>
  );
}

/** The four roles at a glance: what is bound, whether it works, and why not. */
export function DeviceStatusPanel(props: DeviceStatusPanelProps) {
  return (
    <section className="tech-panel" aria-labelledby="tech-devices-title">
      <h2 id="tech-devices-title" className="tech-panel-title">
        {props.t('tab.devices')}
        <span className="tech-panel-subtitle">{boardSummaryText(props.board, props.t)}</span>
      </h2>
      <div className="tech-role-grid">
        {roleOrder.map((role) => (
          <RoleCard key={role} role={role} {...props} />
        ))}
      </div>
    </section>
  );
}
