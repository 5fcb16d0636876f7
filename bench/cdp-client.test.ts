import { describe, expect, it } from 'vitest';
import { CdpClient } from './cdp-client';

function connected() {
  const sent: Array<{ id: number; method: string; params: object; sessionId?: string }> = [];
  const client = new CdpClient((message) => sent.push(JSON.parse(message) as (typeof sent)[0]));
  return { client, sent };
}

describe('CdpClient', () => {
  it('answers each command with the result of the same id, whatever the order', async () => {
    const { client, sent } = connected();
    const a = client.send<{ n: number }>('A.one');
    const b = client.send<{ n: number }>('B.two', { x: 1 }, 'S1');
    expect(sent).toEqual([
      { id: 1, method: 'A.one', params: {} },
      { id: 2, method: 'B.two', params: { x: 1 }, sessionId: 'S1' },
    ]);
    client.receive(JSON.stringify({ id: 2, result: { n: 2 }, sessionId: 'S1' }));
    client.receive(JSON.stringify({ id: 1, result: { n: 1 } }));
    expect(await a).toEqual({ n: 1 });
    expect(await b).toEqual({ n: 2 });
  });

  it('rejects a command the browser refuses, naming the method', async () => {
    const { client } = connected();
    const a = client.send('Network.nope');
    client.receive(JSON.stringify({ id: 1, error: { code: -32601, message: 'not found' } }));
    await expect(a).rejects.toThrow('Network.nope: not found');
  });

  it('hands events to their listeners with the session they come from', async () => {
    const { client } = connected();
    const seen: Array<[unknown, string | undefined]> = [];
    const off = client.on('X.happened', (params, sessionId) => seen.push([params, sessionId]));
    const second = client.once<{ n: number }>('X.happened', (p) => p.n === 2);
    client.receive(JSON.stringify({ method: 'X.happened', params: { n: 1 } }));
    client.receive(JSON.stringify({ method: 'X.happened', params: { n: 2 }, sessionId: 'S' }));
    off();
    client.receive(JSON.stringify({ method: 'X.happened', params: { n: 3 } }));
    expect(seen).toEqual([
      [{ n: 1 }, undefined],
      [{ n: 2 }, 'S'],
    ]);
    expect(await second).toEqual({ n: 2 });
  });

  it("fails a detached session's commands, and only those", async () => {
    const { client } = connected();
    const worker = client.send('Runtime.getHeapUsage', {}, 'W');
    const page = client.send('Runtime.getHeapUsage', {}, 'P');
    client.receive(
      JSON.stringify({ method: 'Target.detachedFromTarget', params: { sessionId: 'W' } }),
    );
    await expect(worker).rejects.toThrow('session W gone');
    client.receive(JSON.stringify({ id: 2, result: { usedSize: 1 } }));
    expect(await page).toEqual({ usedSize: 1 });
  });

  it('fails every command once the transport is gone', async () => {
    const { client } = connected();
    const waiting = client.send('A.one');
    client.dispose(new Error('pipe closed'));
    await expect(waiting).rejects.toThrow('pipe closed');
    await expect(client.send('A.two')).rejects.toThrow('pipe closed');
  });
});
