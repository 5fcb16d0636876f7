// The catalogue as the sync engine last pulled it, kept fresh through onCatalog, with its
// search index built once pinyin-pro has loaded (after the first screen is up).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { whenIdle } from '../app/after-paint';
import { useKioskServices } from '../app/kiosk-services';
import type { Catalog } from './catalog-model';
import { loadRomanise } from './pinyin-romanise';
import { buildSearchIndex, type Romanise, type SearchIndex } from './service-search';

export interface CatalogState {
  catalog: Catalog | undefined;
  loading: boolean;
  search: SearchIndex | undefined;
}

const CatalogContext = createContext<CatalogState>({
  catalog: undefined,
  loading: true,
  search: undefined,
});

export function CatalogProvider({ children }: { children: ReactNode }) {
  const { sync } = useKioskServices();
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [loading, setLoading] = useState(true);
  const [romanise, setRomanise] = useState<{ fn: Romanise } | undefined>();

  useEffect(() => {
    let live = true;
    sync
      .catalog()
      .then((c) => {
        if (live && c) setCatalog(c);
      })
      .catch(() => undefined)
      .finally(() => {
        if (live) setLoading(false);
      });
    const off = sync.onCatalog((c) => setCatalog(c));
    return () => {
      live = false;
      off();
    };
  }, [sync]);

  useEffect(() => {
    let live = true;
    // Search is a later touch; the first screens and the services come first.
    void whenIdle(5000)
      .then(loadRomanise)
      .then((fn) => {
        if (live) setRomanise({ fn });
      });
    return () => {
      live = false;
    };
  }, []);

  const search = useMemo(
    () => (catalog && romanise ? buildSearchIndex(catalog.services, romanise.fn) : undefined),
    [catalog, romanise],
  );
  const value = useMemo(() => ({ catalog, loading, search }), [catalog, loading, search]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): CatalogState {
  return useContext(CatalogContext);
}
