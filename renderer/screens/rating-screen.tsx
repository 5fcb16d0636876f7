import { useState } from 'react';
import { useKioskServices } from '../app/kiosk-services';
import { usePreferences } from '../app/preferences';
import type { BadRatingReason } from '../app/sync-port';
import { FaceIcon } from '../components/icons';
import { ScreenFrame } from '../components/screen-frame';
import { OnScreenKeyboard } from '../keyboard/onscreen-keyboard';
import {
  BAD_RATING_REASONS,
  RATING_LEVELS,
  isBadRating,
  ratingComplete,
  type RatingLevel,
} from '../rating/rating-levels';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

export function RatingScreen() {
  const { t } = usePreferences();
  const { sync } = useKioskServices();
  const { journey, dispatch } = useJourney();
  const [level, setLevel] = useState<RatingLevel | undefined>();
  const [reasons, setReasons] = useState<BadRatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [typing, setTyping] = useState(false);
  const [hint, setHint] = useState<string | undefined>();
  useScreenVoice('voice.rating');
  const { service, submitted } = journey;
  if (!service || !submitted) return null;

  const send = () => {
    if (!ratingComplete(level, reasons, comment) || level === undefined) {
      setHint(t('rating.chooseReason'));
      return;
    }
    // Ratings queue in their own outbox; a failure here must not hold the citizen.
    void sync
      .submitRating({
        envelopeId: submitted.result.envelopeId,
        receiptNumber: submitted.result.receiptNumber,
        serviceCode: service.code,
        level,
        reasons: isBadRating(level) ? reasons : [],
        ...(isBadRating(level) && comment.trim() ? { comment: comment.trim() } : {}),
      })
      .catch(() => undefined);
    dispatch({ type: 'farewell' });
  };

  const toggleReason = (id: BadRatingReason) =>
    setReasons((r) => (r.includes(id) ? r.filter((x) => x !== id) : [...r, id]));

  return (
    <ScreenFrame
      title={t('rating.title')}
      showBack={false}
      className="rating-screen"
      actions={
        <>
          <button
            type="button"
            className="btn btn-secondary btn-large"
            onClick={() => dispatch({ type: 'farewell' })}
          >
            {t('rating.skip')}
          </button>
          <button
            type="button"
            className="btn btn-primary btn-large"
            disabled={level === undefined}
            onClick={send}
          >
            {t('rating.submit')}
          </button>
        </>
      }
    >
      <div className="rating-levels" role="radiogroup" aria-label={t('rating.title')}>
        {RATING_LEVELS.map((l) => (
          <button
            key={l.level}
            type="button"
            role="radio"
            aria-checked={level === l.level}
            className={`rating-level ${level === l.level ? 'selected' : ''} ${isBadRating(l.level) ? 'bad' : ''}`}
            onClick={() => {
              setLevel(l.level);
              setHint(undefined);
            }}
          >
            <FaceIcon level={l.level} className="rating-face" />
            <span className="rating-word">{t(l.key)}</span>
          </button>
        ))}
      </div>
      {level !== undefined && isBadRating(level) && (
        <div className="rating-reasons">
          <h2 className="section-title">{t('rating.reasonsTitle')}</h2>
          <div className="choice-group">
            {BAD_RATING_REASONS.map((r) => (
              <button
                key={r.id}
                type="button"
                role="checkbox"
                aria-checked={reasons.includes(r.id)}
                className={`choice ${reasons.includes(r.id) ? 'choice-selected' : ''}`}
                onClick={() => toggleReason(r.id)}
              >
                {t(r.key)}
              </button>
            ))}
          </div>
          {hint && (
            <p className="field-error" role="alert">
              {hint}
            </p>
          )}
          <span className="field-label" id="rating-comment-label">
            {t('rating.comment')}
          </span>
          <button
            type="button"
            className="field-value editable"
            aria-labelledby="rating-comment-label"
            onClick={() => setTyping(!typing)}
          >
            {comment || <span className="placeholder">{t('form.edit')}</span>}
          </button>
          {typing && (
            <OnScreenKeyboard
              value={comment}
              onChange={setComment}
              layouts={['pinyin', 'english']}
              maxLength={200}
              onDone={() => setTyping(false)}
            />
          )}
        </div>
      )}
    </ScreenFrame>
  );
}
