import { usePreferences } from '../app/preferences';
import type { MessageKey } from '../../domain/i18n/messages';

export type Step = 'guide' | 'identify' | 'form' | 'materials' | 'review' | 'done';

const STEPS: { step: Step; key: MessageKey }[] = [
  { step: 'guide', key: 'step.guide' },
  { step: 'identify', key: 'step.identify' },
  { step: 'form', key: 'step.form' },
  { step: 'materials', key: 'step.materials' },
  { step: 'review', key: 'step.review' },
  { step: 'done', key: 'step.done' },
];

export function StepIndicator({ current }: { current: Step }) {
  const { t } = usePreferences();
  const index = STEPS.findIndex((s) => s.step === current);
  return (
    <ol className="step-indicator" aria-label={t('step.label')}>
      {STEPS.map((s, i) => (
        <li
          key={s.step}
          className={i < index ? 'done' : i === index ? 'current' : undefined}
          aria-current={i === index ? 'step' : undefined}
        >
          <span className="step-number" aria-hidden="true">
            {i < index ? '✓' : i + 1}
          </span>
          <span className="step-name">{t(s.key)}</span>
        </li>
      ))}
    </ol>
  );
}
