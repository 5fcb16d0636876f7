import { execFileSync } from 'node:child_process';
import { expect, test } from './kiosk-fixture';
import * as socialSecurityCard from './social-security-card';

// The device host dies (a native driver crash, kill -9): the supervisor restarts it, the page
// says the devices are reconnecting, and then works again without a reload.

function hostPid(dataDir: string): number {
  const out = execFileSync('pgrep', ['-f', `devices/host/main.ts --kiosk-data ${dataDir}`], {
    encoding: 'utf8',
  });
  return Number(out.trim().split('\n')[0]);
}

test('the kiosk survives kill -9 of its device host without a reload', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await expect(page.getByRole('button', { name: /请触摸屏幕开始/ })).toBeVisible();
  const marker = await page.evaluate(
    () => ((window as unknown as { __loaded: number }).__loaded = Date.now()),
  );
  // The attract screen paints before the bridge connects; a host killed before that first
  // connection is a slow start, not a lost connection, and the page rightly says nothing.
  await page.waitForFunction(
    () =>
      (
        window as unknown as { kiosk?: { connection: { state(): string } } }
      ).kiosk?.connection.state() === 'connected',
  );

  process.kill(hostPid(kiosk.dataDir), 'SIGKILL');
  await expect(page.getByText('设备正在重新连接，请稍候').first()).toBeVisible();
  await expect(page.getByText('设备正在重新连接，请稍候')).toHaveCount(0, { timeout: 30_000 });

  // Same page, and the devices answer again: a card on the reader is seen.
  expect(await page.evaluate(() => (window as unknown as { __loaded: number }).__loaded)).toBe(
    marker,
  );
  await socialSecurityCard.start(page);
  await kiosk.sim('POST', '/idcard/card', { name: '李四', idNumber: '11010519491231002X' });
  await expect(page.getByText('身份已确认').first()).toBeVisible();
  await kiosk.sim('DELETE', '/idcard/card');
});
