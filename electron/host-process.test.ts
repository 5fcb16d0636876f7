import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not on our machines: the utility process and message channels are
// stubbed with the behaviour the HostProcess relies on.
class FakeChild extends EventEmitter {
  pid: number | undefined = undefined;
  posted: Array<{ message: unknown; ports: unknown[] }> = [];
  postMessage(message: unknown, ports: unknown[]) {
    this.posted.push({ message, ports });
  }
  kill() {
    this.emit('exit', 0);
  }
}

const children: FakeChild[] = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: vi.fn(() => {
      const child = new FakeChild();
      children.push(child);
      return child;
    }),
  },
  MessageChannelMain: class {
    port1 = { side: 'host' };
    port2 = { side: 'page' };
  },
}));

const { HostProcess } = await import('./host-process');
const { IPC } = await import('./ipc-channels');

class FakePage extends EventEmitter {
  posted: Array<{ channel: string; ports: unknown[] }> = [];
  sent: string[] = [];
  postMessage(channel: string, _message: unknown, ports: unknown[]) {
    this.posted.push({ channel, ports });
  }
  send(channel: string) {
    this.sent.push(channel);
  }
  isDestroyed() {
    return false;
  }
}

function spawn(child: FakeChild) {
  child.pid = 4242;
  child.emit('spawn');
}

describe('HostProcess', () => {
  beforeEach(() => {
    children.length = 0;
    vi.useFakeTimers();
  });

  it('hands a page its port once the host is up, and the twin port to the host', () => {
    const states: string[] = [];
    const host = new HostProcess({
      entry: '/app/host.mjs',
      env: {},
      onState: (s) => states.push(s),
    });
    host.start();
    const page = new FakePage();
    host.connect(page as never);
    expect(page.posted).toEqual([]);
    spawn(children[0]!);
    expect(page.posted).toEqual([{ channel: IPC.port, ports: [{ side: 'page' }] }]);
    expect(children[0]!.posted).toEqual([
      { message: { kind: 'bridge' }, ports: [{ side: 'host' }] },
    ]);
    expect(states).toEqual(['running']);
  });

  it('tells pages the host went down, restarts it, and reconnects pages that ask again', () => {
    const host = new HostProcess({ entry: '/app/host.mjs', env: {} });
    host.start();
    spawn(children[0]!);
    const page = new FakePage();
    host.connect(page as never);
    children[0]!.pid = undefined;
    children[0]!.emit('exit', 9);
    expect(page.sent).toEqual([IPC.hostDown]);
    host.connect(page as never); // the preload asks for a new port at once
    expect(page.posted).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(children).toHaveLength(2);
    spawn(children[1]!);
    expect(page.posted).toHaveLength(2);
    host.stop();
    expect(children).toHaveLength(2);
    vi.useRealTimers();
  });
});
