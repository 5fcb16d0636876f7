import { formatLocalTime } from './local-time';
import { scanPreviewLimit, type ScanPreview } from './scan-preview';
import type { Translate } from '../../domain/i18n/translator';

export interface LastScan {
  preview: ScanPreview;
  symbology?: string;
  atMs: number;
}

export function ScannerTest({ t, last, nowMs }: { t: Translate; last?: LastScan; nowMs: number }) {
  return (
    <article className="tech-card" aria-labelledby="tech-scanner-title">
      <h3 id="tech-scanner-title">{t('scanner.title')}</h3>
      {last ? (
        <>
          <p className="tech-label">{t('scanner.last')}</p>
          <p className="tech-scan-text tech-mono" data-testid="tech-scan-text">
            {last.preview.text || '—'}
          </p>
          {last.preview.masked ? <p className="tech-notice">{t('scanner.masked')}</p> : null}
          {last.preview.truncated ? (
            <p className="tech-muted">{t('scanner.truncated', { n: scanPreviewLimit })}</p>
          ) : null}
          <dl className="tech-facts">
            <dt>{t('scanner.at')}</dt>
            <dd>{formatLocalTime(last.atMs, nowMs)}</dd>
            <dt>{t('scanner.length')}</dt>
            <dd>{t('scanner.chars', { n: last.preview.length })}</dd>
            {last.symbology ? (
              <>
                <dt>{t('scanner.symbology')}</dt>
                <dd>{last.symbology}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p className="tech-muted">{t('scanner.waiting')}</p>
      )}
    </article>
  );
}
