// Debian's Chromium as the end-to-end tests and the renderer benchmarks drive it, so that a
// benchmark measures the browser the tests prove: no browser download, no GPU, no sandbox
// (the CI box runs as root), nothing fetched in the background.

export const CHROMIUM_PATH = process.env.BUDAYANG_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
