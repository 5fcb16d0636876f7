// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { KioskError } from '../../devices/bridge/contract';
import type { Locale } from '../../domain/locale';
import { fakeKiosk, residentCard, type FakeKiosk } from './fake-kiosk';
import { manualClock, type ManualClock } from './manual-clock';
import type { SyncStatus } from '../../sync/client/sync-status';
import type { SyncHealthPort } from './sync-health-port';
import { TechnicianConsole } from './technician-console';

const T0 = new Date(2025, 2, 1, 3, 0, 0).getTime();

// React 19's act() needs to know it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(cleanup);

function mount(kiosk: FakeKiosk, options: { syncHealth?: SyncHealthPort; locale?: Locale } = {}) {
  const clock = manualClock(T0);
  let exited = 0;
  const view = render(
    <TechnicianConsole
      kiosk={kiosk.api}
      locale={options.locale ?? 'zh-CN'}
      clock={clock}
      onExit={() => (exited += 1)}
      {...(options.syncHealth ? { syncHealth: options.syncHealth } : {})}
    />,
  );
  return { view, clock, exited: () => exited };
}

async function typePin(pin: string) {
  for (const digit of pin) fireEvent.click(screen.getByRole('button', { name: digit }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /登录|Sign in/ }));
  });
}

async function advance(clock: ManualClock, ms: number) {
  await act(async () => clock.advance(ms));
}

describe('technician console', () => {
  it('says a wrong PIN and a lockout in plain words, and clears the digits', async () => {
    const kiosk = fakeKiosk();
    mount(kiosk);
    await typePin('1111');
    expect(screen.getByRole('alert').textContent).toBe('PIN码错误，请重新输入。');
    expect(document.querySelectorAll('.tech-pin-dot')).toHaveLength(0);

    kiosk.api.technician.login = () =>
      Promise.reject(new KioskError('LOCKED_OUT', 'locked', { retryAfterSeconds: 125 }));
    await typePin('2222');
    expect(screen.getByRole('alert').textContent).toBe(
      '错误次数过多，已暂时锁定。请在2分5秒后再试。',
    );
  });

  it('shows the device roles live after sign-in', async () => {
    const kiosk = fakeKiosk();
    kiosk.api.devices.list = async () => [
      {
        role: 'idcard',
        state: 'connected',
        device: '/dev/ttyUSB0',
        model: 'SIM-ID',
        since: new Date(T0 - 60_000).toISOString(),
      },
      {
        role: 'printer',
        state: 'disconnected',
        reason: 'no answer on /dev/usb/lp0',
        since: new Date(T0 - 5_000).toISOString(),
      },
    ];
    mount(kiosk);
    await typePin('246810');
    const reader = screen.getByRole('article', { name: '身份证阅读器' });
    expect(within(reader).getByText('正常')).toBeTruthy();
    expect(within(reader).getByText('/dev/ttyUSB0')).toBeTruthy();
    expect(within(reader).getByText(/1分0秒前/)).toBeTruthy();
    const printer = screen.getByRole('article', { name: '凭条打印机' });
    expect(within(printer).getByText('no answer on /dev/usb/lp0')).toBeTruthy();
    expect(screen.getByText('1个正常，1个需处理，2个未配置')).toBeTruthy();

    await act(async () =>
      kiosk.emit('devices.health', {
        role: 'printer',
        state: 'connected',
        device: '/dev/usb/lp0',
        since: new Date(T0).toISOString(),
      }),
    );
    expect(
      within(screen.getByRole('article', { name: '凭条打印机' })).getByText('正常'),
    ).toBeTruthy();
  });

  it('shows a test read masked, never in clear', async () => {
    const kiosk = fakeKiosk();
    const identity = residentCard;
    kiosk.api.idcard.readOnce = async () => identity;
    mount(kiosk);
    await typePin('246810');
    fireEvent.click(screen.getByRole('tab', { name: '设备测试' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '读一次卡' }));
    });
    const result = screen.getByTestId('tech-idcard-result');
    expect(result.textContent).toContain('张*三');
    expect(result.textContent).toContain('110105********002X');
    const page = document.body.textContent ?? '';
    for (const secret of ['张小三', '11010519491231002X', '1949', '朝阳区某某路'])
      expect(page).not.toContain(secret);
  });

  it('masks an ID number the scanner reads', async () => {
    const kiosk = fakeKiosk();
    mount(kiosk);
    await typePin('246810');
    fireEvent.click(screen.getByRole('tab', { name: '设备测试' }));
    await act(async () =>
      kiosk.emit('scanner.scanned', { text: '11010519491231002X', symbology: 'QR' }),
    );
    expect(screen.getByTestId('tech-scan-text').textContent).toBe('110105********002X');
    expect(document.body.textContent).not.toContain('11010519491231002X');
  });

  it('prints a test page with the token', async () => {
    const kiosk = fakeKiosk();
    mount(kiosk);
    await typePin('246810');
    fireEvent.click(screen.getByRole('tab', { name: '设备测试' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '打印测试页' }));
    });
    expect(screen.getByText('测试页已发送（任务job-7，2.0 KB）')).toBeTruthy();
  });

  it('signs out after two minutes without a touch, warns first, and revokes the token', async () => {
    const kiosk = fakeKiosk();
    const { clock } = mount(kiosk);
    await typePin('246810');
    await advance(clock, 60_000);
    fireEvent.pointerDown(screen.getByRole('tab', { name: '设备状态' }));
    await advance(clock, 100_000);
    expect(screen.getByRole('alert').textContent).toBe('20秒后将自动退出，触摸屏幕可继续');
    await advance(clock, 20_000);
    expect(screen.getByText('因2分钟无操作，已自动退出登录。')).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    expect(kiosk.loggedOut).toEqual(['tok-1']);
  });

  it('goes back to the PIN pad when the host refuses the token', async () => {
    const kiosk = fakeKiosk();
    kiosk.api.devices.discover = () => Promise.reject(new KioskError('UNAUTHORIZED', 'expired'));
    mount(kiosk);
    await typePin('246810');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '扫描串口和HID设备' }));
    });
    expect(screen.getByText(/设备主机不再接受本次登录/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('shows when the device host is reconnecting', async () => {
    const kiosk = fakeKiosk();
    mount(kiosk, { locale: 'en' });
    expect(screen.queryByText(/Reconnecting/)).toBeNull();
    await act(async () => kiosk.setConnection('reconnecting'));
    expect(screen.getByRole('alert').textContent).toMatch(/Reconnecting to the device host/);
    await act(async () => kiosk.setConnection('connected'));
    expect(screen.queryByText(/Reconnecting/)).toBeNull();
  });

  it('changes the settings with the token and only what changed', async () => {
    const kiosk = fakeKiosk();
    const sent: unknown[] = [];
    const set = kiosk.api.config.set;
    kiosk.api.config.set = (args) => {
      sent.push(args);
      return set(args);
    };
    mount(kiosk);
    await typePin('246810');
    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: '终端设置' }));
    });
    fireEvent.click(screen.getByRole('button', { name: '修改设置' }));
    fireEvent.click(screen.getByRole('button', { name: '增加15秒' }));
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
    });
    expect(sent).toEqual([{ token: 'tok-1', patch: { idleTimeoutSeconds: 135, locale: 'en' } }]);
    expect(screen.getByText('设置已保存。')).toBeTruthy();
    expect(screen.getByText('135秒')).toBeTruthy();
  });

  it('shows sync health from its port and forces a sync; hides the tab without one', async () => {
    const health: SyncStatus = {
      online: false,
      draining: false,
      enrolled: true,
      queueDepth: 3,
      oldestAgeMs: 3_725_000,
      lastSuccessAt: T0 - 90_000,
      lastError: 'fetch failed: ECONNREFUSED',
      quarantined: 1,
      persisted: true,
      usage: 12 * 1024 * 1024,
      quota: 48 * 1024 * 1024,
    };
    let forced = 0;
    const port: SyncHealthPort = {
      status: () => health,
      onStatus: () => () => undefined,
      syncNow: async () => {
        forced += 1;
      },
    };
    mount(fakeKiosk(), { syncHealth: port });
    await typePin('246810');
    fireEvent.click(screen.getByRole('tab', { name: '数据同步' }));
    const panel = screen.getByRole('tabpanel');
    for (const text of [
      '离线',
      '3件',
      '1小时2分',
      '02:58:30（1分30秒前）',
      'fetch failed: ECONNREFUSED',
      '12 MB / 48 MB（25%）',
    ]) {
      expect(within(panel).getByText(text)).toBeTruthy();
    }
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '立即同步' }));
    });
    expect(forced).toBe(1);
    cleanup();

    mount(fakeKiosk());
    await typePin('246810');
    expect(screen.queryByRole('tab', { name: '数据同步' })).toBeNull();
  });

  it('leaves on exit and revokes the token', async () => {
    const kiosk = fakeKiosk();
    const { exited, view } = mount(kiosk);
    await typePin('246810');
    fireEvent.click(screen.getByRole('button', { name: '返回服务首页' }));
    expect(exited()).toBe(1);
    view.unmount();
    expect(kiosk.loggedOut).toEqual(['tok-1']);
  });
});
