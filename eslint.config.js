import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

// The layers of docs/architecture.md ("Folders and the direction of imports"), written as
// allowlists: a layer imports itself and what its policy below names, nothing else, whether a
// folder of this repository, a package or a Node builtin. test/layers/import-rules.test.ts gives ESLint one forbidden
// import per rule.

/** Folders of the repository as element types; subfolders belong to their folder's layer. */
const layers = [
  { type: 'domain', pattern: 'domain' },
  { type: 'sync-protocol', pattern: 'sync/protocol' },
  { type: 'sync-client', pattern: 'sync/client' },
  { type: 'sync-server', pattern: 'sync/server' },
  // `part` is the device folder: bridge, host, idcard, manager, printer, scanner, transport.
  { type: 'devices', pattern: 'devices/*', capture: ['part'] },
  { type: 'renderer', pattern: 'renderer' },
  { type: 'electron', pattern: 'electron' },
  { type: 'cli', pattern: 'cli' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'bench', pattern: 'bench' },
  { type: 'test', pattern: 'test/*', capture: ['part'] },
].map((layer) => ({ ...layer, partialMatch: false }));

const files = [
  { category: 'test', pattern: ['**/*.test.{ts,tsx}', '**/*-fixture.ts'] },
  // The side of the bridge the renderer runs: browser code inside devices/.
  {
    category: 'browser-bridge',
    pattern: 'devices/bridge/{contract,client,port,websocket-port}.ts',
  },
  { category: 'config', pattern: '*.{ts,js}' },
];

const layer = (...types) => ({ element: { type: types } });
/** An allow or disallow entry: the import's target. */
const to = (...targets) => targets.map((target) => ({ to: target }));
const packages = (...names) => ({ module: { origin: 'external', source: names } });
const nodeBuiltins = { module: { origin: 'core' } };
const anything = { module: { origin: ['local', 'external', 'core'] } };
const browserBridge = { element: { type: 'devices' }, file: { categories: 'browser-bridge' } };
const deviceParts = (...parts) => ({ element: { type: 'devices', captured: { part: parts } } });

const protocolPackages = ['zod', '@hpke/core', 'structured-headers', 'uuid'];
const clientPackages = [...protocolPackages, 'dexie', 'tus-js-client'];
const rendererPackages = [
  ...clientPackages,
  'react',
  'react-dom',
  'pinyin-pro',
  'qrcode',
  'simple-keyboard',
];
const serverPackages = [
  ...protocolPackages,
  'fastify',
  '@fastify/*',
  '@tus/*',
  'better-sqlite3',
  'pg',
  // The worker threads that check envelopes load TypeScript through tsx.
  'tsx',
];
const devicePackages = ['zod', 'serialport', 'node-hid', 'iconv-lite', 'pngjs', 'qrcode', 'ws'];
// electron/bundle.ts builds the main process, preload and device host with esbuild.
const electronPackages = ['electron', 'zod', 'esbuild'];
const cliPackages = ['commander', 'fastify', '@fastify/static', 'electron', 'tsx', 'vite', 'zod'];
const testPackages = [
  'vitest',
  'fast-check',
  'fake-indexeddb',
  '@testing-library/*',
  'jsdom',
  'http-message-signatures',
  'jsqr',
];

// The last policy that matches an import decides; none matching means refused.
const policies = [
  { from: layer('domain'), allow: to(layer('domain'), packages('zod')) },
  {
    from: layer('sync-protocol'),
    allow: to(layer('domain', 'sync-protocol'), packages(...protocolPackages)),
  },
  {
    from: layer('sync-client'),
    allow: to(layer('domain', 'sync-protocol', 'sync-client'), packages(...clientPackages)),
  },
  {
    from: layer('sync-server'),
    allow: to(
      layer('domain', 'sync-protocol', 'sync-server'),
      nodeBuiltins,
      packages(...serverPackages),
    ),
  },
  {
    from: layer('devices'),
    allow: to(layer('domain', 'devices'), nodeBuiltins, packages(...devicePackages)),
  },
  // The browser side of the bridge: the rest of devices/ is Node, so it starts from nothing.
  { from: browserBridge, disallow: to(anything) },
  { from: browserBridge, allow: to(layer('domain'), browserBridge, packages('zod')) },
  {
    from: layer('renderer'),
    allow: to(
      layer('domain', 'sync-protocol', 'sync-client', 'renderer'),
      browserBridge,
      packages(...rendererPackages),
    ),
  },
  {
    from: layer('electron'),
    allow: to(
      layer('domain', 'electron'),
      deviceParts('bridge', 'host'),
      nodeBuiltins,
      packages(...electronPackages),
    ),
  },
  {
    from: layer('cli'),
    allow: to(
      layer('domain', 'sync-protocol', 'sync-server', 'devices', 'electron', 'cli'),
      nodeBuiltins,
      packages(...cliPackages),
    ),
  },
  // build-electron.ts runs electron/bundle.ts; soak-sync.ts runs the fault tests' harness.
  { from: layer('scripts'), allow: to(layer('scripts', 'electron', 'test'), nodeBuiltins) },
  { from: layer('bench', 'test'), allow: to(anything) },
  {
    from: { file: { categories: 'config' } },
    // playwright.config.ts takes Chromium's path and flags from test/support, as the benches do.
    allow: to(
      nodeBuiltins,
      { module: { origin: 'external' } },
      {
        element: { type: 'test', captured: { part: 'support' } },
      },
    ),
  },
  // Tests beside the code also run in Node, with the test tools and test/support.
  {
    from: { file: { categories: 'test' } },
    allow: to(nodeBuiltins, packages(...testPackages), {
      element: { type: 'test', captured: { part: 'support' } },
    }),
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'test-results', 'playwright-report', '.data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': layers,
      'boundaries/files': files,
      // The Node configuration includes every file, and resolves `qrcode` to the package.
      'import/resolver': {
        typescript: {
          alwaysTryTypes: true,
          project: `${import.meta.dirname}/tsconfig.node.json`,
        },
      },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        { default: 'disallow', checkAllOrigins: true, checkInternals: true, policies },
      ],
      // A new top-level folder needs its line in the table above before it lints.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
