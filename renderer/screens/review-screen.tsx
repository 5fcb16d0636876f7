import { useState } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import type { ApplicationSubmission } from '../../sync/client/application-sealer';
import { isStorageFull } from '../app/sync-port';
import { localText, type FormField, type LocalText } from '../catalog/catalog-model';
import { submissionValues } from '../form/submission-values';
import { ScreenFrame } from '../components/screen-frame';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../domain/mask';
import { materialsToCapture } from '../materials/material-plan';
import type { Journey } from '../session/journey';
import { choiceValues } from '../form/choice-values';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

type Phase = 'review' | 'confirm' | 'submitting';

/** The submission as the sync engine seals it, from the journey of this session. */
function submissionFrom(journey: Journey): ApplicationSubmission {
  const service = journey.service!;
  // The sealed record is in Chinese: the platform's language of record.
  const zh = (text: LocalText) => localText(text, 'zh-CN');
  const captured = materialsToCapture(service);
  const { form, signatures } = submissionValues(service.form, journey.form);
  const identity = journey.identity;
  const nameField = service.form.find((f) => f.prefill === 'name');
  const name = identity?.name || (nameField ? journey.form[nameField.id] : undefined);
  const sex = identity?.sex === 'male' || identity?.sex === 'female' ? identity.sex : undefined;
  return {
    serviceCode: service.code,
    serviceName: zh(service.name),
    form,
    idNumber: identity?.idNumber ?? '',
    identity: {
      ...(name ? { name } : {}),
      ...(sex ? { sex } : {}),
      ...(identity?.nation ? { ethnicity: identity.nation } : {}),
      ...(identity?.birthDate ? { birthDate: identity.birthDate } : {}),
      ...(identity?.address ? { address: identity.address } : {}),
    },
    materials: [
      ...captured.flatMap((m) => {
        const state = journey.materials[m.id];
        return state?.kind === 'captured'
          ? [{ materialId: m.id, name: zh(m.name), blob: state.blob }]
          : [];
      }),
      ...signatures,
    ],
    missing: captured.flatMap((m) => {
      const state = journey.materials[m.id];
      return state?.kind === 'deferred'
        ? [{ materialId: m.id, name: zh(m.name), deadline: state.deadline }]
        : [];
    }),
    // A 告知承诺 stands in for these: the platform counts them provided only when promised.
    promised: journey.commitmentAccepted
      ? service.materials
          .filter((m) => m.byCommitment)
          .map((m) => ({ materialId: m.id, name: zh(m.name) }))
      : [],
  };
}

export function ReviewScreen() {
  const { t, locale } = usePreferences();
  const { sync } = useKioskServices();
  const { journey, dispatch } = useJourney();
  const [phase, setPhase] = useState<Phase>('review');
  const [failure, setFailure] = useState<string | undefined>();
  useScreenVoice('voice.review');
  const service = journey.service;
  if (!service) return null;

  const masked = (field: FormField, value: string): string => {
    if (!value) return '—';
    switch (field.type) {
      case 'idNumber':
        return maskIdNumber(value);
      case 'phone':
        return maskPhone(value);
      case 'address':
        return maskAddress(value);
      case 'signature':
        return `✓ ${t('form.signed')}`;
      case 'choice':
        return (field.multiple ? choiceValues(value) : [value])
          .map((v) => localText(field.options?.find((o) => o.value === v)?.label, locale) || v)
          .join('、');
      case 'text':
        return field.prefill === 'name' ? maskName(value) : value;
      default:
        return value;
    }
  };

  const captured = materialsToCapture(service);
  const needsCommitment = Boolean(service.commitment);
  const canSubmit = !needsCommitment || journey.commitmentAccepted;

  const submit = async () => {
    setPhase('submitting');
    setFailure(undefined);
    const input = submissionFrom(journey);
    try {
      const result = await sync.submitApplication(input);
      dispatch({
        type: 'submitted',
        submitted: {
          result,
          submittedAt: new Date().toISOString(),
          materialsSubmitted: input.materials
            .filter((m) => service.materials.some((s) => s.id === m.materialId))
            .map((m) => m.name),
          materialsMissing: input.missing.map((m) => ({ name: m.name, deadline: m.deadline })),
        },
      });
    } catch (error) {
      setFailure(isStorageFull(error) ? t('review.storageFull') : t('review.failed'));
      setPhase('review');
    }
  };

  const actions =
    phase === 'review' ? (
      <button
        type="button"
        className="btn btn-primary btn-large"
        disabled={!canSubmit}
        onClick={() => setPhase('confirm')}
      >
        {t('review.submit')}
      </button>
    ) : null;

  return (
    <ScreenFrame
      title={t('review.title')}
      step="review"
      className="review-screen"
      actions={actions}
      showBack={phase === 'review'}
    >
      {failure && (
        <p className="callout callout-error" role="alert">
          {failure}
        </p>
      )}
      <dl className="review-table">
        <div>
          <dt>{t('review.service')}</dt>
          <dd>{localText(service.name, locale)}</dd>
        </div>
        <div>
          <dt>{t('review.applicant')}</dt>
          <dd>
            {journey.identity?.name
              ? maskName(journey.identity.name)
              : maskName(journey.form.name ?? '')}{' '}
            <span className="mono">{maskIdNumber(journey.identity?.idNumber ?? '')}</span>
          </dd>
        </div>
      </dl>
      <h2 className="section-title">{t('review.form')}</h2>
      <dl className="review-table">
        {service.form.map((field) => (
          <div key={field.id}>
            <dt>{localText(field.label, locale)}</dt>
            <dd>{masked(field, journey.form[field.id] ?? '')}</dd>
          </div>
        ))}
      </dl>
      {captured.length > 0 && (
        <>
          <h2 className="section-title">{t('review.materials')}</h2>
          <ul className="review-materials">
            {captured.map((m) => {
              const state = journey.materials[m.id];
              return (
                <li key={m.id}>
                  <span>{localText(m.name, locale)}</span>
                  <span className={`tag ${state?.kind === 'captured' ? 'tag-ok' : 'tag-defer'}`}>
                    {state?.kind === 'captured'
                      ? `✓ ${t('materials.captured')}`
                      : state?.kind === 'deferred'
                        ? t('materials.deadline', { date: state.deadline })
                        : t('material.optional')}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {service.commitment && (
        <section className="commitment">
          <h2 className="section-title">{t('review.commitment')}</h2>
          <p className="commitment-text">{localText(service.commitment, locale)}</p>
          <button
            type="button"
            role="checkbox"
            aria-checked={journey.commitmentAccepted}
            className={`check-button ${journey.commitmentAccepted ? 'checked' : ''}`}
            disabled={phase !== 'review'}
            onClick={() =>
              dispatch({ type: 'acceptCommitment', accepted: !journey.commitmentAccepted })
            }
          >
            <span className="check-box" aria-hidden="true">
              {journey.commitmentAccepted ? '✓' : ''}
            </span>
            {t('review.acceptCommitment')}
          </button>
        </section>
      )}
      {phase === 'confirm' && (
        <div
          className="confirm-panel"
          role="alertdialog"
          aria-labelledby="confirm-title"
          aria-describedby="confirm-body"
        >
          <h2 id="confirm-title">{t('review.confirmTitle')}</h2>
          <p id="confirm-body">{t('review.confirmBody')}</p>
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-secondary btn-large"
              onClick={() => setPhase('review')}
            >
              {t('review.confirmNo')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large"
              onClick={() => void submit()}
            >
              {t('review.confirmYes')}
            </button>
          </div>
        </div>
      )}
      {phase === 'submitting' && (
        <p className="callout callout-info" role="status">
          {t('review.submitting')}
        </p>
      )}
    </ScreenFrame>
  );
}
