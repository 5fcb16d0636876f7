// Electron's security checklist, as functions over the few Electron objects they touch, so
// that each rule is tested in Node with those objects stubbed.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://kiosk`;

/** The privileges the kiosk page's scheme needs: a secure, standard origin with fetch. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
  },
};

/** webPreferences of the kiosk window: the renderer never touches Node. */
export function kioskWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
  } as const;
}

// For a non-special scheme such as app:, URL.origin is the opaque 'null' outside Electron's
// registry of standard schemes, so compare the parts.
function isAppLocation(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host === 'kiosk';
}

export function isAppUrl(url: string): boolean {
  try {
    return isAppLocation(new URL(url));
  } catch {
    return false;
  }
}

/** Only the document camera is ever granted; everything else a page may ask for is denied. */
export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  details: { mediaTypes?: string[] } = {},
): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}

interface EventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: EventLike, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: EventLike) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools(): void;
}

/** No navigation away, no new windows, no webviews, no devtools in production. */
export function lockWebContents(contents: WebContentsLike, options: { production: boolean }): void {
  const keepHome = (event: EventLike, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', keepHome);
  contents.on('will-redirect', keepHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (options.production) contents.on('devtools-opened', () => contents.closeDevTools());
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string; mediaTypes?: string[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      origin: string,
      details: { mediaType?: string },
    ) => boolean,
  ): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
  on?(event: 'will-download', listener: (event: EventLike) => void): unknown;
}

export function lockSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl ?? '', details));
  });
  session.setPermissionCheckHandler((_contents, permission, origin, details) =>
    permissionAllowed(permission, origin, {
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  // WebHID/WebUSB/Web Serial: devices belong to the device host, never to the page.
  session.setDevicePermissionHandler?.(() => false);
  session.on?.('will-download', (event) => event.preventDefault());
}

/** IPC is only taken from our own page in the main frame. */
export function isTrustedSender(
  frame: { url: string; parent?: unknown } | null | undefined,
): boolean {
  return !!frame && frame.parent == null && isAppUrl(frame.url);
}

/** Maps an app:// URL to a file under the renderer's build, refusing any escape from it. */
export function appUrlToFile(url: string, root: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!isAppLocation(parsed)) return undefined;
  const path = decodeURIComponent(parsed.pathname);
  if (path.includes('\0')) return undefined;
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  return `${root.replace(/\/$/, '')}/${relative}`;
}
