import type { KioskApi } from '../../devices/bridge/contract';

declare global {
  interface Window {
    /** The device host, through whichever transport this build runs on. */
    kiosk: KioskApi;
  }
}
export {};
