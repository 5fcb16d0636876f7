import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout or installed package the CLI runs from. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
