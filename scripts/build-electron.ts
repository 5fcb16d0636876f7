import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleElectron } from '../electron/bundle';

const root = join(fileURLToPath(import.meta.url), '..', '..');
await bundleElectron(root, join(root, 'dist'));
console.log('Electron main, preload and device host bundled into dist/.');
