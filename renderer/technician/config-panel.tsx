import { useCallback, useEffect, useState } from 'react';
import type { KioskApi, KioskConfig } from '../../devices/bridge/contract';
import {
  draftFrom,
  draftPatch,
  draftProblems,
  idleTimeoutRange,
  stepIdleTimeout,
  type ConfigDraft,
  type ConfigPatchInput,
} from './config-draft';
import { ActionNote } from './action-note';
import { BusyButton } from './busy-button';
import { NumericKeypad } from './numeric-keypad';
import type { Translate } from '../../domain/i18n/translator';
import { Locale } from '../../domain/locale';
import { useAction } from './use-action';

interface ConfigPanelProps {
  t: Translate;
  kiosk: KioskApi;
  saveConfig(patch: ConfigPatchInput): Promise<KioskConfig>;
  describeError(error: unknown): string;
}

function ConfigView({ t, config }: { t: Translate; config: KioskConfig }) {
  return (
    <dl className="tech-facts tech-facts-wide">
      <dt>{t('config.roomName')}</dt>
      <dd>{config.roomName}</dd>
      <dt>{t('config.platformUrl')}</dt>
      <dd className="tech-mono">{config.platformUrl}</dd>
      <dt>{t('config.hotline')}</dt>
      <dd className="tech-mono">{config.hotline}</dd>
      <dt>{t('config.idleTimeout')}</dt>
      <dd>{t('config.seconds', { n: config.idleTimeoutSeconds })}</dd>
      <dt>{t('config.locale')}</dt>
      <dd>{t(`locale.${config.locale}`)}</dd>
      <dt>{t('config.mode')}</dt>
      <dd className="tech-mono">{config.mode}</dd>
      <dt>{t('config.demo')}</dt>
      <dd className={config.demo ? 'tech-text-warn' : undefined}>
        {config.demo ? t('config.demoOn') : t('common.no')}
      </dd>
    </dl>
  );
}

function ConfigEditor({
  t,
  config,
  saving,
  onSave,
  onCancel,
}: {
  t: Translate;
  config: KioskConfig;
  saving: boolean;
  onSave(draft: ConfigDraft): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFrom(config));
  const [hotlinePad, setHotlinePad] = useState(false);
  const problems = draftProblems(draft);
  const problemText = (field: keyof ConfigDraft) => {
    const problem = problems[field];
    return problem ? (
      <p className="tech-field-error" id={`tech-problem-${field}`}>
        {t(problem.key, problem.params)}
      </p>
    ) : null;
  };
  const unchanged = Object.keys(draftPatch(config, draft)).length === 0;
  const stepButton = (direction: -1 | 1) => (
    <button
      type="button"
      className="tech-button"
      aria-label={t(direction < 0 ? 'config.less' : 'config.more')}
      disabled={
        direction < 0
          ? draft.idleTimeoutSeconds <= idleTimeoutRange.min
          : draft.idleTimeoutSeconds >= idleTimeoutRange.max
      }
      onClick={() =>
        setDraft({
          ...draft,
          idleTimeoutSeconds: stepIdleTimeout(draft.idleTimeoutSeconds, direction),
        })
      }
    >
      {direction < 0 ? '−' : '+'}
    </button>
  );

  return (
    <div className="tech-editor">
      <label className="tech-field">
        <span className="tech-label">{t('config.roomName')}</span>
        {/* Text needs the system's input method: a technician attaches a keyboard for this. */}
        <input
          className="tech-input"
          value={draft.roomName}
          aria-invalid={problems.roomName ? true : undefined}
          aria-describedby={problems.roomName ? 'tech-problem-roomName' : undefined}
          onChange={(event) => setDraft({ ...draft, roomName: event.target.value })}
        />
        {problemText('roomName')}
      </label>

      <div className="tech-field">
        <span className="tech-label" id="tech-hotline-label">
          {t('config.hotline')}
        </span>
        {/* The keypad opens on a tap at the number, so the form fits on one screen. */}
        <button
          type="button"
          className="tech-input tech-input-button tech-mono"
          aria-labelledby="tech-hotline-label"
          aria-expanded={hotlinePad}
          onClick={() => setHotlinePad(!hotlinePad)}
        >
          {draft.hotline || '\u00a0'}
        </button>
        {problemText('hotline')}
        {hotlinePad ? (
          <NumericKeypad
            t={t}
            withDash
            onKey={(key) => {
              const hotline =
                key === 'clear'
                  ? ''
                  : key === 'back'
                    ? draft.hotline.slice(0, -1)
                    : (draft.hotline + key).slice(0, 20);
              setDraft({ ...draft, hotline });
            }}
          />
        ) : null}
      </div>

      <div className="tech-field">
        <span className="tech-label">{t('config.idleTimeout')}</span>
        <div className="tech-stepper">
          {stepButton(-1)}
          <output className="tech-stepper-value" aria-live="polite">
            {t('config.seconds', { n: draft.idleTimeoutSeconds })}
          </output>
          {stepButton(1)}
        </div>
        {problemText('idleTimeoutSeconds')}
      </div>

      <div className="tech-field">
        <span className="tech-label">{t('config.locale')}</span>
        <div className="tech-segmented" role="radiogroup" aria-label={t('config.locale')}>
          {Locale.options.map((locale) => (
            <button
              key={locale}
              type="button"
              role="radio"
              aria-checked={draft.locale === locale}
              className={`tech-button ${draft.locale === locale ? 'tech-button-selected' : ''}`}
              onClick={() => setDraft({ ...draft, locale })}
            >
              {t(`locale.${locale}`)}
            </button>
          ))}
        </div>
      </div>

      <div className="tech-actions">
        <button type="button" className="tech-button" disabled={saving} onClick={onCancel}>
          {t('config.cancel')}
        </button>
        <BusyButton
          busy={saving}
          disabled={unchanged || Object.keys(problems).length > 0}
          label={t('config.save')}
          busyLabel={t('config.saving')}
          onClick={() => onSave(draft)}
        />
      </div>
    </div>
  );
}

export function ConfigPanel({ t, kiosk, saveConfig, describeError }: ConfigPanelProps) {
  const [config, setConfig] = useState<KioskConfig | undefined>();
  const [editing, setEditing] = useState(false);
  const { busy: saving, message, run, say } = useAction();

  const load = useCallback(() => {
    kiosk.config
      .get()
      .then(setConfig, (failure: unknown) => say({ text: describeError(failure), error: true }));
  }, [kiosk, describeError, say]);
  useEffect(load, [load]);

  const save = (draft: ConfigDraft) => {
    if (!config) return;
    run(
      () => saveConfig(draftPatch(config, draft)),
      (saved) => {
        setConfig(saved);
        setEditing(false);
        return t('config.saved');
      },
      describeError,
    );
  };

  return (
    <section className="tech-panel" aria-labelledby="tech-config-title">
      <h2 id="tech-config-title" className="tech-panel-title">
        {t('config.title')}
      </h2>
      <div className="tech-card">
        {!config ? (
          <p className="tech-muted">{t('common.loading')}</p>
        ) : editing ? (
          <ConfigEditor
            t={t}
            config={config}
            saving={saving}
            onSave={save}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <ConfigView t={t} config={config} />
            <div className="tech-actions">
              <button
                type="button"
                className="tech-button tech-button-primary"
                onClick={() => {
                  say(undefined);
                  setEditing(true);
                }}
              >
                {t('config.edit')}
              </button>
            </div>
          </>
        )}
        <ActionNote message={message} />
      </div>
    </section>
  );
}
