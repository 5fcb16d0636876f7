import { usePreferences } from '../app/preferences';
import { localText, type MaterialSpec } from '../catalog/catalog-model';
import type { MessageKey } from '../../domain/i18n/messages';

const FORM_KEY: Record<MaterialSpec['form'], MessageKey> = {
  original: 'material.original',
  copy: 'material.copy',
  electronic: 'material.electronic',
};

/** The 申请材料 of a guide: name, form, copies, and whether 容缺 or 告知承诺 applies. */
export function MaterialList({ materials }: { materials: MaterialSpec[] }) {
  const { t, locale } = usePreferences();
  return (
    <ol className="material-list">
      {materials.map((m) => (
        <li key={m.id}>
          <span className="material-name">{localText(m.name, locale)}</span>
          <span className="material-meta">
            {t(FORM_KEY[m.form])} · {t('material.copies', { count: m.copies })}
            {!m.required && ` · ${t('material.optional')}`}
          </span>
          <span className="material-flags">
            {m.fromIdCard && <span className="tag tag-info">{t('material.fromCard')}</span>}
            {m.deferrable && <span className="tag tag-defer">{t('material.deferrable')}</span>}
            {m.byCommitment && <span className="tag tag-commit">{t('material.byCommitment')}</span>}
          </span>
          {m.note && <span className="material-note">{localText(m.note, locale)}</span>}
        </li>
      ))}
    </ol>
  );
}
