import { describe, expect, it } from 'vitest';
import { DriverEvents } from './driver-events';

interface Events {
  scan: string;
  error: { code: string };
}

describe('DriverEvents', () => {
  it('hands each payload to its handlers until they unsubscribe', () => {
    const events = new DriverEvents<Events>();
    const seen: string[] = [];
    const off = events.on('scan', (text) => seen.push(`a ${text}`));
    events.on('scan', (text) => seen.push(`b ${text}`));
    events.emit('scan', '1');
    off();
    events.emit('scan', '2');
    expect(seen).toEqual(['a 1', 'b 1', 'b 2']);
  });

  it('calls a once handler one time', () => {
    const events = new DriverEvents<Events>();
    const seen: string[] = [];
    events.once('scan', (text) => seen.push(text));
    events.emit('scan', '1');
    events.emit('scan', '2');
    expect(seen).toEqual(['1']);
  });

  it('emits an error nobody listens to without throwing, unlike node:events', () => {
    const events = new DriverEvents<Events>();
    expect(() => events.emit('error', { code: 'DEVICE_ERROR' })).not.toThrow();
  });
});
