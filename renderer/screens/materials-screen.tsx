import { useEffect, useMemo, useState } from 'react';
import { usePreferences } from '../app/preferences';
import { localText } from '../catalog/catalog-model';
import { ScreenFrame } from '../components/screen-frame';
import { DocumentCamera } from '../materials/document-camera';
import {
  deadlineAfterWorkingDays,
  deferralDays,
  materialsToCapture,
  openMaterials,
} from '../materials/material-plan';
import type { MaterialState } from '../session/journey';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

function Thumbnail({ blob }: { blob: Blob }) {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="material-thumb" src={url} alt="" />;
}

export function MaterialsScreen() {
  const { t, locale } = usePreferences();
  const { journey, dispatch } = useJourney();
  const [capturing, setCapturing] = useState<string | undefined>();
  useScreenVoice('voice.materials');
  const service = journey.service;
  if (!service) return null;
  const materials = materialsToCapture(service);
  const open = openMaterials(service, journey.materials);
  const set = (id: string, state: MaterialState | undefined) =>
    dispatch({ type: 'setMaterial', id, state });
  const capturingMaterial = materials.find((m) => m.id === capturing);

  if (capturingMaterial) {
    return (
      <ScreenFrame
        title={localText(capturingMaterial.name, locale)}
        step="materials"
        showBack={false}
      >
        <DocumentCamera
          onCancel={() => setCapturing(undefined)}
          onCapture={(image) => {
            set(capturingMaterial.id, { kind: 'captured', ...image });
            setCapturing(undefined);
          }}
        />
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame
      title={t('materials.title')}
      step="materials"
      className="materials-screen"
      actions={
        <>
          {open.length > 0 && (
            <span className="actions-note">{t('materials.remaining', { count: open.length })}</span>
          )}
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={open.length > 0}
            onClick={() => dispatch({ type: 'go', screen: 'review' })}
          >
            {t('nav.next')}
          </button>
        </>
      }
    >
      <ul className="material-capture-list">
        {materials.map((m) => {
          const state = journey.materials[m.id];
          return (
            <li
              key={m.id}
              className={`material-capture ${state ? `state-${state.kind}` : 'state-open'}`}
            >
              <div className="material-capture-info">
                <span className="material-name">{localText(m.name, locale)}</span>
                <span className="material-status">
                  {state?.kind === 'captured'
                    ? `✓ ${t('materials.captured')}`
                    : state?.kind === 'deferred'
                      ? t('materials.deadline', { date: state.deadline })
                      : m.required
                        ? t('materials.pending')
                        : t('material.optional')}
                </span>
              </div>
              {state?.kind === 'captured' && <Thumbnail blob={state.blob} />}
              <div className="material-capture-actions">
                {state?.kind !== 'deferred' && (
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => setCapturing(m.id)}
                  >
                    {state?.kind === 'captured' ? t('materials.retake') : t('materials.capture')}
                  </button>
                )}
                {m.deferrable &&
                  (state?.kind === 'deferred' ? (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => set(m.id, undefined)}
                    >
                      {t('materials.undefer')}
                    </button>
                  ) : (
                    state?.kind !== 'captured' && (
                      <button
                        type="button"
                        className="btn btn-secondary"
                        onClick={() =>
                          set(m.id, {
                            kind: 'deferred',
                            deadline: deadlineAfterWorkingDays(
                              new Date(),
                              deferralDays(m, service),
                            ),
                          })
                        }
                      >
                        {t('materials.defer')}
                      </button>
                    )
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
      {service.materials.some((m) => m.byCommitment) && (
        <ul className="material-capture-list">
          {service.materials
            .filter((m) => m.byCommitment)
            .map((m) => (
              <li key={m.id} className="material-capture state-commitment">
                <span className="material-name">{localText(m.name, locale)}</span>
                <span className="material-status">{t('materials.byCommitment')}</span>
              </li>
            ))}
        </ul>
      )}
    </ScreenFrame>
  );
}
