import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleElectron } from './bundle';

const out = await mkdtemp(join(tmpdir(), 'budayang-electron-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('the Electron bundles', () => {
  it('build, and the preload needs nothing from Node but Electron', async () => {
    await bundleElectron(join(import.meta.dirname, '..'), out);
    const preload = await readFile(join(out, 'electron/preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/exposeInMainWorld\("ipcRenderer"/);
    const main = await readFile(join(out, 'electron/main.cjs'), 'utf8');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('sandbox: true');
  });
});
