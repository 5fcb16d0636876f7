/** The only IPC between the main process and the preload. */
export const IPC = {
  portRequest: 'kiosk:port-request',
  port: 'kiosk:port',
  hostDown: 'kiosk:host-down',
} as const;
