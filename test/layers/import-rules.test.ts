import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import rules of eslint.config.js, one layer at a time: a file of the layer imports a
// folder or package its allowlist leaves out and ESLint refuses it; it imports one that the
// list names and ESLint says nothing. Targets are real files: an import ESLint cannot resolve
// is nobody's layer and would prove nothing.

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

/** The messages ESLint gives a file at `filePath` whose only content imports `source`. */
async function lintImport(filePath: string, source: string) {
  const code = `import * as probe from '${source}';\nexport { probe };\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

async function expectRefused(filePath: string, source: string) {
  const messages = await lintImport(filePath, source);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatch(/^boundaries\/dependencies: /);
}

async function expectAccepted(filePath: string, source: string) {
  expect(await lintImport(filePath, source)).toEqual([]);
}

interface LayerCase {
  layer: string;
  /** Where the probe file sits. */
  file: string;
  forbiddenLayer: string;
  /** None for the root configuration files: they may take any package. */
  forbiddenPackage?: string;
  allowed: string[];
}

const layers: LayerCase[] = [
  {
    layer: 'domain/',
    file: 'domain/probe.ts',
    forbiddenLayer: '../sync/protocol/catalog',
    forbiddenPackage: 'react',
    allowed: ['./mask', 'zod'],
  },
  {
    layer: 'sync/protocol/',
    file: 'sync/protocol/probe.ts',
    forbiddenLayer: '../client/drain',
    forbiddenPackage: 'node:crypto',
    allowed: ['../../domain/mask', './catalog', 'structured-headers'],
  },
  {
    layer: 'sync/client/',
    file: 'sync/client/dexie/probe.ts',
    forbiddenLayer: '../../server/platform',
    forbiddenPackage: 'fastify',
    allowed: ['../../protocol/catalog', '../drain', 'dexie', 'tus-js-client'],
  },
  {
    layer: 'sync/server/',
    file: 'sync/server/probe.ts',
    forbiddenLayer: '../client/drain',
    forbiddenPackage: 'dexie',
    allowed: ['../protocol/catalog', '../../domain/mask', 'node:crypto', 'fastify', 'pg'],
  },
  {
    layer: 'devices/',
    file: 'devices/printer/probe.ts',
    forbiddenLayer: '../../sync/protocol/catalog',
    forbiddenPackage: 'react',
    allowed: ['../transport/serial', '../../domain/mask', 'serialport', 'node-hid', 'node:fs'],
  },
  {
    layer: "devices/bridge's browser side",
    file: 'devices/bridge/client.ts',
    forbiddenLayer: './serve',
    forbiddenPackage: 'node:events',
    allowed: ['./contract', './port', 'zod', '../../domain/mask'],
  },
  {
    layer: 'renderer/',
    file: 'renderer/app/probe.ts',
    forbiddenLayer: '../../devices/host/kiosk-settings',
    forbiddenPackage: 'serialport',
    allowed: [
      '../../devices/bridge/contract',
      '../../devices/bridge/client',
      '../../sync/client/drain',
      '../../sync/protocol/catalog',
      '../../domain/mask',
      '../session/journey',
      'react',
      'dexie',
    ],
  },
  {
    layer: 'electron/',
    file: 'electron/probe.ts',
    forbiddenLayer: '../sync/server/platform',
    forbiddenPackage: 'react',
    allowed: [
      '../devices/bridge/contract',
      '../devices/host/kiosk-settings',
      'electron',
      'node:path',
    ],
  },
  {
    layer: 'cli/',
    file: 'cli/commands/probe.ts',
    forbiddenLayer: '../../renderer/main',
    forbiddenPackage: 'react',
    allowed: ['../../sync/server/platform', '../../devices/manager/device-manager', 'commander'],
  },
  {
    layer: 'scripts/',
    file: 'scripts/probe.ts',
    forbiddenLayer: '../sync/server/platform',
    forbiddenPackage: 'fastify',
    allowed: ['../electron/bundle', 'node:path'],
  },
  {
    layer: 'root configuration files',
    file: 'probe.config.ts',
    forbiddenLayer: './sync/server/platform',
    allowed: ['vite', 'node:path'],
  },
];

describe.each(layers)('$layer', ({ file, forbiddenLayer, forbiddenPackage, allowed }) => {
  it(`refuses ${forbiddenLayer}`, () => expectRefused(file, forbiddenLayer));
  if (forbiddenPackage) {
    it(`refuses ${forbiddenPackage}`, () => expectRefused(file, forbiddenPackage));
  }
  it.each(allowed)('accepts %s', (source) => expectAccepted(file, source));
});

describe('browser code', () => {
  const browserFiles = [
    'domain/probe.ts',
    'sync/protocol/probe.ts',
    'sync/client/worker/probe.ts',
    'devices/bridge/contract.ts',
    'renderer/probe.tsx',
  ];
  const nodeOnly = [
    'node:fs',
    'serialport',
    'node-hid',
    'fastify',
    'pg',
    'better-sqlite3',
    'ws',
    'electron',
  ];
  it.each(browserFiles.flatMap((file) => nodeOnly.map((source) => [file, source])))(
    '%s may not import %s',
    (file, source) => expectRefused(file!, source!),
  );
});

describe('bench/ and test/', () => {
  it.each([
    ['bench/probe.ts', ['../renderer/main', '../sync/server/platform', 'serialport', 'electron']],
    [
      'test/integration/probe.test.ts',
      ['../../renderer/main', '../../sync/server/platform', 'serialport', 'electron'],
    ],
  ] as const)('%s may import any layer and package', async (file, sources) => {
    for (const source of sources) await expectAccepted(file, source);
  });
});

describe('tests beside the code', () => {
  const file = 'renderer/app/probe.test.ts';
  it('take the test tools, Node and test/support on top of their layer', async () => {
    for (const source of [
      'vitest',
      'fast-check',
      'fake-indexeddb',
      'node:fs',
      '../../test/support/pty',
    ]) {
      await expectAccepted(file, source);
    }
  });
  it('stay inside their layer otherwise', async () => {
    await expectRefused(file, 'serialport');
    await expectRefused(file, '../../sync/server/platform');
    await expectRefused('renderer/db/probe-fixture.ts', '../../cli/main');
  });
});

describe('a top-level folder without a layer', () => {
  it('does not lint until the folder table names it', async () => {
    const messages = await lintImport('newfolder/probe.ts', 'zod');
    expect(messages.some((m) => m.startsWith('boundaries/no-unknown-files:'))).toBe(true);
  });
});
