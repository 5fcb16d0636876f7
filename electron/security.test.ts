import { describe, expect, it, vi } from 'vitest';
import {
  appUrlToFile,
  isTrustedSender,
  kioskWebPreferences,
  lockSession,
  lockWebContents,
  permissionAllowed,
  type SessionLike,
  type WebContentsLike,
} from './security';

describe('Electron security', () => {
  it('runs the renderer isolated, sandboxed and without Node or devtools', () => {
    const prefs = kioskWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
      webSecurity: true,
    });
  });

  it('grants the document camera to our page only, and nothing else', () => {
    expect(permissionAllowed('media', 'app://kiosk/index.html', { mediaTypes: ['video'] })).toBe(
      true,
    );
    expect(permissionAllowed('media', 'app://kiosk/index.html', { mediaTypes: ['audio'] })).toBe(
      false,
    );
    expect(
      permissionAllowed('media', 'app://kiosk/index.html', { mediaTypes: ['video', 'audio'] }),
    ).toBe(false);
    expect(permissionAllowed('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(
      false,
    );
    for (const p of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'usb',
      'openExternal',
    ]) {
      expect(permissionAllowed(p, 'app://kiosk/')).toBe(false);
    }
  });

  it('denies navigation away, new windows and webviews, and closes devtools in production', () => {
    const listeners = new Map<string, (...args: never[]) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (event: string, listener: (...args: never[]) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      closeDevTools: vi.fn(),
    };
    lockWebContents(contents as unknown as WebContentsLike, { production: true });
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      (listeners.get('will-navigate') as unknown as (e: typeof event, u: string) => void)(
        event,
        url,
      );
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://kiosk/index.html')).toBe(false);
    expect(openHandler?.({ url: 'app://kiosk/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    (listeners.get('will-attach-webview') as unknown as (e: typeof webview) => void)(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    (listeners.get('devtools-opened') as unknown as () => void)();
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('wires the session so that requests and checks follow the same rule', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | undefined;
    let device: (() => boolean) | undefined;
    lockSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    });
    const granted = vi.fn();
    request?.({}, 'geolocation', granted, { requestingUrl: 'app://kiosk/' });
    expect(granted).toHaveBeenCalledWith(false);
    request?.({}, 'media', granted, { requestingUrl: 'app://kiosk/', mediaTypes: ['video'] });
    expect(granted).toHaveBeenLastCalledWith(true);
    expect(check?.({}, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(true);
    expect(check?.({}, 'notifications', 'app://kiosk', {})).toBe(false);
    expect(device?.()).toBe(false);
  });

  it('takes IPC only from our own top frame', () => {
    expect(isTrustedSender({ url: 'app://kiosk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://kiosk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('serves app:// from the build folder and nothing outside it', () => {
    expect(appUrlToFile('app://kiosk/', '/opt/kiosk')).toBe('/opt/kiosk/index.html');
    expect(appUrlToFile('app://kiosk/assets/a.js', '/opt/kiosk')).toBe('/opt/kiosk/assets/a.js');
    expect(appUrlToFile('app://kiosk/../../etc/passwd', '/opt/kiosk')).toBe(
      '/opt/kiosk/etc/passwd',
    );
    for (const escape of [
      'app://kiosk/%2e%2e/%2e%2e/etc/passwd',
      'app://kiosk/a/%2E%2E/%2E%2E/%2E%2E/etc',
      'app://kiosk/..%5c..%5cetc',
    ]) {
      const file = appUrlToFile(escape, '/opt/kiosk');
      expect(file === undefined || file.startsWith('/opt/kiosk/')).toBe(true);
      expect(file ?? '').not.toContain('..');
    }
    expect(appUrlToFile('app://other/index.html', '/opt/kiosk')).toBeUndefined();
    expect(appUrlToFile('file:///etc/passwd', '/opt/kiosk')).toBeUndefined();
  });
});
