import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// The operator's commands run to the end and say what they did: a platform that never closes
// would leave them silent.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'budayang-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('budayang platform enroll-code', () => {
  it('prints a one-time code and exits', async () => {
    const db = `sqlite:${join(dir, 'platform.db')}`;
    const { stdout } = await run(
      process.execPath,
      ['cli/budayang.mjs', 'platform', 'enroll-code', '--db', db],
      {
        cwd: root,
        timeout: 30_000,
      },
    );
    expect(stdout.trim()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });
});
