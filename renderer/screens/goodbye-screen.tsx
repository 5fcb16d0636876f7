import { usePreferences } from '../app/preferences';

/** Shown after the wipe: nothing of the citizen is left to show. */
export function GoodbyeScreen({ onDone }: { onDone(): void }) {
  const { t } = usePreferences();
  return (
    <section className="goodbye" aria-labelledby="goodbye-title">
      <button type="button" className="goodbye-touch" onClick={onDone}>
        <span className="goodbye-icon" aria-hidden="true">
          ✓
        </span>
        <span id="goodbye-title" className="goodbye-title">
          {t('goodbye.title')}
        </span>
        <span className="goodbye-body">{t('goodbye.body')}</span>
        <span className="goodbye-body">{t('goodbye.takeCard')}</span>
      </button>
    </section>
  );
}
