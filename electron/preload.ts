// The preload: builds `window.kiosk` on a MessagePort from the main process, and exposes it
// through contextBridge. It never exposes ipcRenderer or anything of Node to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createKioskClient } from '../devices/bridge/client';
import { messagePortPort } from '../devices/bridge/message-port';
import type { Port } from '../devices/bridge/port';
import { exposedKioskApi } from './exposed-api';
import { IPC } from './ipc-channels';

let waiting: ((port: Port) => void) | undefined;
let current: Port | undefined;

ipcRenderer.on(IPC.port, (event) => {
  const [raw] = event.ports;
  if (!raw) return;
  const port = messagePortPort(raw);
  current = port;
  const resolve = waiting;
  waiting = undefined;
  resolve?.(port);
});

// The host process died: drop the port now rather than wait for calls to time out.
ipcRenderer.on(IPC.hostDown, () => current?.close());

const client = createKioskClient({
  connect: () =>
    new Promise<Port>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting = undefined;
        reject(new Error('no bridge port from the main process'));
      }, 3000);
      waiting = (port) => {
        clearTimeout(timer);
        resolve(port);
      };
      ipcRenderer.send(IPC.portRequest);
    }),
});

contextBridge.exposeInMainWorld('kiosk', exposedKioskApi(client.api));
