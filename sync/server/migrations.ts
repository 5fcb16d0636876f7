import type { Database, Dialect } from './database';

/**
 * Forward-only migrations, written once for both databases: `{{id}}`, `{{bytes}}` and
 * `{{int}}` become each dialect's auto-increment key, binary and 64-bit integer types.
 */

const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', bytes: 'BLOB', int: 'INTEGER' },
  postgres: { id: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA', int: 'BIGINT' },
};

export const MIGRATIONS: {
  version: number;
  name: string;
  /** One text for both, or each dialect's own. */
  sql: string | Record<Dialect, string>;
}[] = [
  {
    version: 1,
    name: 'platform',
    sql: `
CREATE TABLE platform_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  created_at {{int}} NOT NULL,
  expires_at {{int}} NOT NULL,
  used_at {{int}},
  kiosk_id TEXT
);
CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  public_jwk TEXT NOT NULL,
  label TEXT,
  receipt_prefix TEXT NOT NULL UNIQUE,
  enrolled_at {{int}} NOT NULL,
  revoked_at {{int}},
  last_seen_at {{int}},
  app_version TEXT,
  queue_depth TEXT,
  devices TEXT
);
CREATE TABLE nonces (
  kiosk_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  expires_at {{int}} NOT NULL,
  PRIMARY KEY (kiosk_id, nonce)
);
CREATE INDEX nonces_expiry ON nonces (expires_at);
CREATE TABLE operator_tokens (token_hash TEXT PRIMARY KEY, label TEXT, created_at {{int}} NOT NULL);
CREATE TABLE catalog_versions (version {{int}} PRIMARY KEY, published_at {{int}} NOT NULL, content TEXT NOT NULL);
CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL REFERENCES kiosks (id),
  service_code TEXT NOT NULL,
  receipt_number TEXT NOT NULL UNIQUE,
  id_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  received_at {{int}} NOT NULL,
  content_hash TEXT NOT NULL,
  content TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  updated_at {{int}} NOT NULL
);
CREATE INDEX applications_id_hash ON applications (id_hash);
CREATE INDEX applications_kiosk ON applications (kiosk_id);
CREATE INDEX applications_received ON applications (received_at);
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  size {{int}} NOT NULL,
  sha256 TEXT NOT NULL,
  upload_offset {{int}},
  completed_at {{int}}
);
CREATE INDEX attachments_application ON attachments (application_id);
CREATE TABLE attachment_chunks (
  attachment_id TEXT NOT NULL REFERENCES attachments (id),
  chunk_offset {{int}} NOT NULL,
  data {{bytes}} NOT NULL,
  PRIMARY KEY (attachment_id, chunk_offset)
);
CREATE TABLE status_events (
  seq {{id}},
  application_id TEXT NOT NULL REFERENCES applications (id),
  status TEXT NOT NULL,
  reason TEXT,
  at {{int}} NOT NULL
);
CREATE INDEX status_events_application ON status_events (application_id);
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL UNIQUE REFERENCES applications (id),
  kiosk_id TEXT NOT NULL,
  level {{int}} NOT NULL,
  content TEXT NOT NULL,
  received_at {{int}} NOT NULL
);
CREATE TABLE heartbeats (
  seq {{id}},
  kiosk_id TEXT NOT NULL,
  at TEXT NOT NULL,
  received_at {{int}} NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX heartbeats_kiosk ON heartbeats (kiosk_id, seq);
`,
  },
  {
    version: 2,
    name: 'nonces-unlogged',
    // Each signed request remembers its nonce: on PostgreSQL that was a WAL flush per request,
    // beside the one its real work needs. After a crash an unlogged table is empty, so a request
    // captured in the last window could be replayed once; every kiosk route is idempotent
    // (envelopes, attachments, ratings by id), so a replay stores nothing twice.
    sql: { postgres: 'ALTER TABLE nonces SET UNLOGGED', sqlite: '' },
  },
  {
    version: 3,
    name: 'envelope-hash',
    // The SHA-256 of the envelope as received: a retry sending the same bytes is a duplicate
    // without being opened again (intake.ts).
    sql: 'ALTER TABLE applications ADD COLUMN envelope_hash TEXT',
  },
];

function render(sql: string, dialect: Dialect): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => TYPES[dialect][name] ?? _m);
}

/** Idempotent and safe when several instances start at once against one PostgreSQL. */
export async function migrate(db: Database): Promise<void> {
  const int = TYPES[db.dialect].int;
  await db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4242000)');
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version ${int} PRIMARY KEY, name TEXT NOT NULL, applied_at ${int} NOT NULL)`,
    );
  });
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4242000)');
      const done = await tx.query('SELECT version FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (done.length > 0) return;
      const sql = typeof migration.sql === 'string' ? migration.sql : migration.sql[tx.dialect];
      for (const statement of render(sql, tx.dialect)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '')) {
        await tx.run(statement);
      }
      await tx.run(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
    });
  }
}
