import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../protocol/openapi';

/** `npx tsx sync/protocol/write-openapi.ts` refreshes the committed openapi.json. Lives here, not in sync/protocol, because it uses Node. */
const target = fileURLToPath(new URL('../protocol/openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
