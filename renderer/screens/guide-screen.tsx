import type { ReactNode } from 'react';
import { usePreferences } from '../app/preferences';
import { localText, type TimeLimit } from '../catalog/catalog-model';
import { MaterialList } from '../components/material-list';
import { ScreenFrame } from '../components/screen-frame';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="guide-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function GuideScreen() {
  const { t, locale } = usePreferences();
  const { journey, dispatch } = useJourney();
  useScreenVoice('voice.guide');
  const service = journey.service;
  if (!service) return null;
  const g = service.guide;
  const limit = (l: TimeLimit) => {
    const main =
      l.kind === 'immediate' || l.kind === 'on-the-spot'
        ? t('guide.onTheSpot')
        : l.kind === 'none' || l.value === undefined
          ? '—'
          : t(l.kind === 'working-days' ? 'guide.workingDays' : 'guide.days', { days: l.value });
    return l.note ? `${main}（${localText(l.note, locale)}）` : main;
  };

  const start = service.kioskCapable ? (
    <button
      type="button"
      className="btn btn-primary btn-large"
      onClick={() =>
        // A lookup with nothing to fill in (办件进度查询) goes straight to the lookup; an
        // enquiry with an application form (不动产登记结果查询) is applied for like any other.
        dispatch({
          type: 'go',
          screen: service.kind === 'query' && service.form.length === 0 ? 'progress' : 'identify',
        })
      }
    >
      {t('guide.start')}
    </button>
  ) : null;

  return (
    <ScreenFrame
      title={localText(service.name, locale)}
      step="guide"
      actions={start}
      className="guide-screen"
    >
      {!service.kioskCapable && (
        <div className="callout callout-warn" role="note">
          <strong>{t('guide.notOnKiosk')}</strong>
          {service.elsewhere && (
            <p>{t('guide.goElsewhere', { place: localText(service.elsewhere, locale) })}</p>
          )}
        </div>
      )}
      {service.bundles && (
        <div className="callout callout-info">
          <strong>{t('guide.bundles', { count: service.bundles.length })}</strong>
          <ul className="bundle-list">
            {service.bundles.map((b) => (
              <li key={b['zh-CN']}>{localText(b, locale)}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="guide-table">
        <Row label={t('guide.code')}>
          {service.code}
          {service.itemCode && <span className="muted"> / {service.itemCode}</span>}
        </Row>
        <Row label={t('guide.authority')}>{localText(g.authority, locale)}</Row>
        <Row label={t('guide.conditions')}>
          {g.conditions.length === 1 ? (
            localText(g.conditions[0], locale)
          ) : (
            <ul className="plain-list">
              {g.conditions.map((c, i) => (
                <li key={i}>{localText(c, locale)}</li>
              ))}
            </ul>
          )}
        </Row>
        <Row label={t('guide.legalDays')}>{limit(g.legalLimit)}</Row>
        <Row label={t('guide.promisedDays')}>{limit(g.promisedLimit)}</Row>
        <Row label={t('guide.fee')}>{localText(g.fee, locale)}</Row>
        <Row label={t('guide.visits')}>{t('guide.visitsCount', { count: g.visits })}</Row>
        <Row label={t('guide.location')}>
          <ul className="plain-list">
            {g.locations.map((l, i) => (
              <li key={i}>
                <strong>{localText(l.name, locale)}</strong>
                <br />
                {localText(l.address, locale)} · {t('guide.hours')}：{localText(l.hours, locale)}
              </li>
            ))}
          </ul>
        </Row>
        <Row label={t('guide.consult')}>{g.consultPhone}</Row>
        <Row label={t('guide.complaint')}>{g.complaintPhone}</Row>
      </dl>
      <h2 className="section-title">{t('guide.materials')}</h2>
      <MaterialList materials={service.materials} />
      <h2 className="section-title">{t('guide.process')}</h2>
      <ol className="process-steps">
        {g.process.map((step, i) => (
          <li key={i}>{localText(step, locale)}</li>
        ))}
      </ol>
      {g.faq.length > 0 && (
        <>
          <h2 className="section-title">{t('guide.faq')}</h2>
          <dl className="faq">
            {g.faq.map((f, i) => (
              <div key={i}>
                <dt>{localText(f.question, locale)}</dt>
                <dd>{localText(f.answer, locale)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </ScreenFrame>
  );
}
