import { useState } from 'react';
import { usePreferences } from '../app/preferences';
import { localText, type FieldType, type FormField } from '../catalog/catalog-model';
import { ScreenFrame } from '../components/screen-frame';
import { validateField, validateForm } from '../form/field-validation';
import { SignaturePad } from '../form/signature-pad';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { LayoutKind } from '../keyboard/keyboard-layouts';
import { OnScreenKeyboard } from '../keyboard/onscreen-keyboard';
import { materialsToCapture } from '../materials/material-plan';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';
import { choiceValues, toggleChoice } from '../form/choice-values';

const LAYOUTS: Partial<Record<FieldType, LayoutKind[]>> = {
  text: ['pinyin', 'english', 'numeric'],
  address: ['pinyin', 'numeric', 'english'],
  number: ['numeric'],
  phone: ['numeric'],
  idNumber: ['idNumber'],
  date: ['date'],
};

export function FormScreen() {
  const { t, locale } = usePreferences();
  const { journey, dispatch } = useJourney();
  const [active, setActive] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  useScreenVoice('voice.form');
  const service = journey.service;
  if (!service) return null;

  // Values the card supplied are locked; a number typed by hand is not proof of a name.
  const locked = (field: FormField) =>
    field.readOnly === true &&
    journey.identitySource !== 'manual' &&
    Boolean(journey.form[field.id]);
  const fields = service.form;
  const activeField = fields.find((f) => f.id === active);

  const check = (field: FormField) => {
    const message = validateField(field, journey.form[field.id], t, locale);
    setErrors((prev) => {
      const next = { ...prev };
      if (message) next[field.id] = message;
      else delete next[field.id];
      return next;
    });
  };

  const select = (field: FormField | undefined) => {
    if (activeField) check(activeField);
    setActive(field?.id);
  };

  const next = () => {
    if (activeField) check(activeField);
    const all = validateForm(fields, journey.form, t, locale);
    setErrors(all);
    const count = Object.keys(all).length;
    if (count > 0) {
      setSummary(t('form.fixErrors', { count }));
      setActive(undefined);
      return;
    }
    setSummary(undefined);
    dispatch({
      type: 'go',
      screen: materialsToCapture(service).length > 0 ? 'materials' : 'review',
    });
  };

  const shown = (field: FormField, value: string) => {
    if (!locked(field)) return value;
    if (field.type === 'idNumber') return maskIdNumber(value);
    if (field.prefill === 'name') return maskName(value);
    return value;
  };

  return (
    <ScreenFrame
      title={t('form.title')}
      step="form"
      className="form-screen"
      actions={
        <button type="button" className="btn btn-primary btn-large" onClick={next}>
          {t('nav.next')}
        </button>
      }
    >
      {journey.identitySource === 'card' && (
        <p className="callout callout-info">{t('form.prefilled')}</p>
      )}
      {summary && (
        <p className="callout callout-error" role="alert">
          {summary}
        </p>
      )}
      <div className="form-fields">
        {fields.map((field) => {
          const value = journey.form[field.id] ?? '';
          const error = errors[field.id];
          const label = localText(field.label, locale);
          const labelId = `label-${field.id}`;
          const isLocked = locked(field);
          return (
            <div
              key={field.id}
              className={`form-field ${active === field.id ? 'active' : ''} ${error ? 'has-error' : ''}`}
            >
              <span id={labelId} className="field-label">
                {label}
                {field.required && <span className="required"> *{t('form.required')}</span>}
                {isLocked && <span className="tag tag-info">{t('form.fromCard')}</span>}
              </span>
              {field.type === 'choice' && field.multiple ? (
                <div className="choice-group" role="group" aria-labelledby={labelId}>
                  {(field.options ?? []).map((option) => {
                    const chosen = choiceValues(value).includes(option.value);
                    return (
                      <button
                        key={option.value}
                        type="button"
                        role="checkbox"
                        aria-checked={chosen}
                        className={`choice ${chosen ? 'choice-selected' : ''}`}
                        onClick={() => {
                          const order = (field.options ?? []).map((o) => o.value);
                          const next = toggleChoice(value, option.value, order);
                          dispatch({ type: 'setField', id: field.id, value: next });
                          setErrors(({ [field.id]: _dropped, ...rest }) => rest);
                        }}
                      >
                        {localText(option.label, locale)}
                      </button>
                    );
                  })}
                </div>
              ) : field.type === 'choice' ? (
                <div className="choice-group" role="radiogroup" aria-labelledby={labelId}>
                  {(field.options ?? []).map((option) => (
                    <button
                      key={option.value}
                      type="button"
                      role="radio"
                      aria-checked={value === option.value}
                      className={`choice ${value === option.value ? 'choice-selected' : ''}`}
                      onClick={() => {
                        dispatch({ type: 'setField', id: field.id, value: option.value });
                        setErrors(({ [field.id]: _dropped, ...rest }) => rest);
                      }}
                    >
                      {localText(option.label, locale)}
                    </button>
                  ))}
                </div>
              ) : field.type === 'signature' ? (
                <SignaturePad
                  value={value}
                  onChange={(v) => dispatch({ type: 'setField', id: field.id, value: v })}
                />
              ) : isLocked ? (
                <div className="field-value locked" aria-labelledby={labelId}>
                  {shown(field, value)}
                </div>
              ) : (
                <button
                  type="button"
                  className="field-value editable"
                  aria-labelledby={labelId}
                  aria-describedby={error ? `error-${field.id}` : undefined}
                  aria-invalid={Boolean(error)}
                  onClick={() => select(active === field.id ? undefined : field)}
                >
                  {value || <span className="placeholder">{t('form.edit')}</span>}
                </button>
              )}
              {error && (
                <p id={`error-${field.id}`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {activeField && LAYOUTS[activeField.type] && (
        <div className="keyboard-dock">
          <OnScreenKeyboard
            key={activeField.id}
            value={journey.form[activeField.id] ?? ''}
            onChange={(v) =>
              dispatch({
                type: 'setField',
                id: activeField.id,
                value: activeField.type === 'idNumber' ? v.toUpperCase() : v,
              })
            }
            layouts={LAYOUTS[activeField.type] ?? ['english']}
            maxLength={
              activeField.type === 'idNumber'
                ? 18
                : activeField.type === 'phone'
                  ? 13
                  : activeField.maxLength
            }
            onDone={() => select(undefined)}
          />
        </div>
      )}
    </ScreenFrame>
  );
}
