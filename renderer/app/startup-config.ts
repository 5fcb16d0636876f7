// What the attract screen shows before the device host has answered `config.get`: the
// configuration it answered last time (kept in local storage, without the one-time
// enrolment code or this launch's simulator address), or, on a kiosk's very first start,
// nothing room-specific at all. The real answer replaces it a moment later.
import type { KioskConfig } from '../../devices/bridge/contract';

export const CONFIG_STORAGE_KEY = 'budayang.lastConfig';

/** First start: no room name or hotline is shown until the host says them. */
export const UNKNOWN_CONFIG: KioskConfig = {
  mode: 'web',
  demo: false,
  roomName: '',
  platformUrl: '',
  locale: 'zh-CN',
  hotline: '',
  idleTimeoutSeconds: 120,
};

const isString = (v: unknown): v is string => typeof v === 'string';

/** The remembered configuration, if `text` holds a well-formed one. */
export function parseRememberedConfig(text: string | null): KioskConfig | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Record<string, unknown>;
  if (
    (c.mode !== 'web' && c.mode !== 'electron') ||
    typeof c.demo !== 'boolean' ||
    !isString(c.roomName) ||
    !isString(c.platformUrl) ||
    (c.locale !== 'zh-CN' && c.locale !== 'en') ||
    !isString(c.hotline) ||
    typeof c.idleTimeoutSeconds !== 'number' ||
    !Number.isInteger(c.idleTimeoutSeconds) ||
    c.idleTimeoutSeconds < 30
  )
    return undefined;
  return {
    mode: c.mode,
    demo: c.demo,
    roomName: c.roomName,
    platformUrl: c.platformUrl,
    locale: c.locale,
    hotline: c.hotline,
    idleTimeoutSeconds: c.idleTimeoutSeconds,
  };
}

/** What is kept: no enrolment code (a credential until used), no per-launch address. */
export function rememberedForm(config: KioskConfig): string {
  const { mode, demo, roomName, platformUrl, locale, hotline, idleTimeoutSeconds } = config;
  return JSON.stringify({ mode, demo, roomName, platformUrl, locale, hotline, idleTimeoutSeconds });
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage can be refused (an opaque origin); the kiosk then starts from nothing.
    return undefined;
  }
}

export function startupConfig(store: Store | undefined = storage()): KioskConfig {
  try {
    return parseRememberedConfig(store?.getItem(CONFIG_STORAGE_KEY) ?? null) ?? UNKNOWN_CONFIG;
  } catch {
    return UNKNOWN_CONFIG;
  }
}

export function rememberConfig(config: KioskConfig, store: Store | undefined = storage()): void {
  try {
    store?.setItem(CONFIG_STORAGE_KEY, rememberedForm(config));
  } catch {
    // Full or refused: the next start shows the defaults for a moment, nothing worse.
  }
}
