import { useMemo, useState, type ReactElement } from 'react';
import { SearchIcon } from '../components/icons';
import { usePreferences } from '../app/preferences';
import { localText, type Audience, type Service } from '../catalog/catalog-model';
import { useCatalog } from '../catalog/catalog-context';
import { byPopularity } from '../catalog/service-search';
import { ScreenFrame } from '../components/screen-frame';
import type { LayoutKind } from '../keyboard/keyboard-layouts';
import { OnScreenKeyboard } from '../keyboard/onscreen-keyboard';
import { useJourney } from '../session/journey-context';
import { useScreenVoice } from '../voice/voice-context';

const SEARCH_LAYOUTS: LayoutKind[] = ['english', 'pinyin'];

type Tab =
  | { kind: 'audience'; audience: Audience }
  | { kind: 'theme'; themeId?: string }
  | { kind: 'search' };

export function CatalogScreen() {
  const { t, locale } = usePreferences();
  const { catalog, loading, search } = useCatalog();
  const { dispatch } = useJourney();
  const [tab, setTab] = useState<Tab>({ kind: 'audience', audience: 'personal' });
  const [query, setQuery] = useState('');
  useScreenVoice('voice.catalog');

  const services = useMemo(() => {
    if (!catalog) return [];
    if (tab.kind === 'search')
      return query.trim() ? (search?.search(query) ?? []) : byPopularity(catalog.services);
    if (tab.kind === 'audience')
      return byPopularity(catalog.services.filter((s) => s.audience.includes(tab.audience)));
    const theme = catalog.themes.find((th) => th.id === tab.themeId);
    if (!theme) return [];
    return byPopularity(catalog.services.filter((s) => theme.serviceCodes.includes(s.code)));
  }, [catalog, tab, query, search]);

  const choose = (service: Service) => dispatch({ type: 'chooseService', service });
  const tabButton = (label: string, active: boolean, select: () => void, icon?: ReactElement) => (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      className={`tab ${active ? 'tab-active' : ''}`}
      onClick={select}
    >
      {icon}
      {label}
    </button>
  );

  return (
    <ScreenFrame title={t('catalog.title')} className="catalog-screen">
      <div className="tabs" role="tablist">
        {tabButton(
          t('catalog.personal'),
          tab.kind === 'audience' && tab.audience === 'personal',
          () => setTab({ kind: 'audience', audience: 'personal' }),
        )}
        {tabButton(t('catalog.legal'), tab.kind === 'audience' && tab.audience === 'legal', () =>
          setTab({ kind: 'audience', audience: 'legal' }),
        )}
        {tabButton(t('catalog.themes'), tab.kind === 'theme', () =>
          setTab({ kind: 'theme', themeId: catalog?.themes[0]?.id }),
        )}
        {tabButton(
          t('catalog.search'),
          tab.kind === 'search',
          () => setTab({ kind: 'search' }),
          <SearchIcon />,
        )}
      </div>

      {tab.kind === 'theme' && catalog && (
        <div className="theme-chips" role="group" aria-label={t('catalog.themes')}>
          {catalog.themes.map((theme) => (
            <button
              key={theme.id}
              type="button"
              className={`chip ${tab.themeId === theme.id ? 'chip-active' : ''}`}
              aria-pressed={tab.themeId === theme.id}
              onClick={() => setTab({ kind: 'theme', themeId: theme.id })}
            >
              {localText(theme.name, locale)}
            </button>
          ))}
        </div>
      )}

      {tab.kind === 'search' && (
        <div className="search-box">
          <div
            className="search-input"
            role="textbox"
            aria-label={t('catalog.searchPlaceholder')}
            aria-readonly="true"
          >
            {query || <span className="placeholder">{t('catalog.searchPlaceholder')}</span>}
          </div>
          <p className="hint">{t('catalog.searchHint')}</p>
        </div>
      )}

      {loading && !catalog && <p className="empty-state">{t('catalog.loading')}</p>}
      {!loading && !catalog && <p className="empty-state">{t('catalog.empty')}</p>}
      {tab.kind === 'search' && query.trim() && services.length === 0 && (
        <p className="empty-state">{t('catalog.noResult', { query })}</p>
      )}

      <ul className="service-grid">
        {services.map((service) => (
          <li key={service.code}>
            <button type="button" className="service-tile" onClick={() => choose(service)}>
              <span className="service-name">{localText(service.name, locale)}</span>
              <span className="service-tags">
                {service.bundles && <span className="tag tag-bundle">{t('catalog.bundle')}</span>}
                {!service.kioskCapable && (
                  <span className="tag tag-counter">{t('catalog.notOnKiosk')}</span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>

      {tab.kind === 'search' && (
        <OnScreenKeyboard value={query} onChange={setQuery} layouts={SEARCH_LAYOUTS} compact />
      )}
    </ScreenFrame>
  );
}
