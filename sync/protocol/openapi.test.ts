import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

describe('OpenAPI document', () => {
  it('is committed as generated (run `npx tsx sync/server/write-openapi.ts` after a schema change)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(new URL('./openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('puts every route under /v1 and resolves every $ref', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/v1/'))).toBe(true);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });
});
