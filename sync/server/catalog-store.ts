import { CatalogContent, catalogEtag } from '../protocol/catalog';
import type { Catalog, Service } from '../protocol/catalog';
import type { Clock } from './clock';
import type { Database } from './database';
import { DEMO_CATALOG } from '../protocol/demo-catalog';
import { isoTime } from './stored-time';

export interface PublishedCatalog {
  version: number;
  etag: string;
  catalog: Catalog;
  /** Serialised once per version: the kiosk fleet asks for it often. */
  json: string;
  services: Map<string, Service>;
}

/** Versions of the catalogue; the newest is current. Instances cache by version number only. */
export class CatalogStore {
  private cached: PublishedCatalog | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async currentVersion(): Promise<number> {
    const rows = await this.db.query<{ v: number | null }>(
      'SELECT MAX(version) AS v FROM catalog_versions',
    );
    return Number(rows[0]?.v ?? 0);
  }

  async current(): Promise<PublishedCatalog | undefined> {
    const version = await this.currentVersion();
    if (version === 0) return undefined;
    if (this.cached?.version === version) return this.cached;
    const rows = await this.db.query<{ published_at: number; content: string }>(
      'SELECT published_at, content FROM catalog_versions WHERE version = $1',
      [version],
    );
    const row = rows[0]!;
    const content = JSON.parse(row.content) as CatalogContent;
    const catalog: Catalog = {
      version,
      publishedAt: isoTime(row.published_at),
      locales: ['zh-CN', 'en'],
      services: content.services,
      themes: content.themes,
    };
    this.cached = {
      version,
      etag: catalogEtag(version),
      catalog,
      json: JSON.stringify(catalog),
      services: new Map(content.services.map((s) => [s.code, s])),
    };
    return this.cached;
  }

  /** Validates and stores a new version; returns its number. */
  async publish(content: unknown): Promise<number> {
    const parsed = CatalogContent.parse(content);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const rows = await tx.query<{ v: number | null }>(
            'SELECT MAX(version) AS v FROM catalog_versions',
          );
          const version = Number(rows[0]?.v ?? 0) + 1;
          await tx.run(
            'INSERT INTO catalog_versions (version, published_at, content) VALUES ($1, $2, $3)',
            [version, this.clock.now(), JSON.stringify(parsed)],
          );
          return version;
        });
      } catch (error) {
        // Another instance published the same version number first: take the next one.
        if (attempt >= 3) throw error;
      }
    }
  }

  async seedDemo(): Promise<void> {
    if ((await this.currentVersion()) === 0) await this.publish(DEMO_CATALOG);
  }
}
