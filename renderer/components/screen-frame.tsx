import type { ReactNode } from 'react';
import { usePreferences } from '../app/preferences';
import { useJourney } from '../session/journey-context';
import { StepIndicator, type Step } from './step-indicator';

interface ScreenFrameProps {
  title: string;
  step?: Step;
  children: ReactNode;
  /** The main actions, right-aligned in the footer; back and home come first. */
  actions?: ReactNode;
  showBack?: boolean;
  className?: string;
}

/** The common frame of every screen after the attract screen. */
export function ScreenFrame({
  title,
  step,
  children,
  actions,
  showBack = true,
  className,
}: ScreenFrameProps) {
  const { t } = usePreferences();
  const { dispatch, endSession } = useJourney();
  return (
    <section className={`screen ${className ?? ''}`} aria-labelledby="screen-title">
      {step && <StepIndicator current={step} />}
      <h1 id="screen-title" className="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {/* Focusable so that a long body scrolls for keyboard and switch users too (axe). */}
      <div className="screen-body" tabIndex={0}>
        {children}
      </div>
      <footer className="screen-actions">
        <div className="screen-actions-nav">
          <button type="button" className="btn btn-quiet" onClick={endSession}>
            {t('nav.home')}
          </button>
          {showBack && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => dispatch({ type: 'back' })}
            >
              {t('nav.back')}
            </button>
          )}
        </div>
        <div className="screen-actions-main">{actions}</div>
      </footer>
    </section>
  );
}
