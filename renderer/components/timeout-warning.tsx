import { useEffect, useRef, useState, type RefObject } from 'react';
import { usePreferences } from '../app/preferences';
import { timerPhase, type TimerPhase, type TimerPolicy } from '../session/session-timer';
import { useSay } from '../voice/voice-context';

interface TimeoutWarningProps {
  lastActivity: RefObject<number>;
  policy: TimerPolicy;
  onExpire(): void;
  onExit(): void;
  /** Counts the touch on 继续办理 as activity (every touch already does). */
  onContinue(): void;
}

/**
 * The WCAG 2.2.1 warning: a visible countdown, continued by one touch anywhere (every
 * touch counts as activity), then the privacy wipe.
 */
export function TimeoutWarning({
  lastActivity,
  policy,
  onExpire,
  onExit,
  onContinue,
}: TimeoutWarningProps) {
  const { t } = usePreferences();
  const say = useSay();
  const [phase, setPhase] = useState<TimerPhase>({
    phase: 'active',
    secondsToWarning: policy.idleSeconds,
  });
  const expired = useRef(false);
  const warned = useRef(false);

  useEffect(() => {
    const tick = () => {
      const next = timerPhase(lastActivity.current, Date.now(), policy);
      setPhase((previous) =>
        previous.phase === next.phase &&
        (next.phase !== 'warning' ||
          (previous.phase === 'warning' && previous.secondsLeft === next.secondsLeft))
          ? previous
          : next,
      );
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [lastActivity, policy]);

  useEffect(() => {
    if (phase.phase === 'expired' && !expired.current) {
      expired.current = true;
      onExpire();
    }
    if (phase.phase === 'warning' && !warned.current) {
      warned.current = true;
      say('voice.timeout');
    }
    if (phase.phase === 'active') warned.current = false;
  }, [phase, onExpire, say]);

  if (phase.phase !== 'warning') return null;
  return (
    <div
      className="timeout-overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="timeout-title"
      aria-describedby="timeout-body"
    >
      <div className="timeout-panel">
        <div className="timeout-count" aria-hidden="true">
          {phase.secondsLeft}
        </div>
        <h2 id="timeout-title">{t('timeout.title')}</h2>
        <p id="timeout-body" aria-live="polite">
          {t('timeout.body', { seconds: phase.secondsLeft })}
        </p>
        <div className="timeout-actions">
          <button type="button" className="btn btn-secondary" onClick={onExit}>
            {t('timeout.exit')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => {
              onContinue();
              setPhase(timerPhase(Date.now(), Date.now(), policy));
            }}
          >
            {t('timeout.continue')}
          </button>
        </div>
      </div>
    </div>
  );
}
