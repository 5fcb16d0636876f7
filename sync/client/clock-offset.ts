/**
 * Estimates how far the kiosk's clock is from the platform's, from the HTTP Date header of
 * responses. A kiosk's RTC drifts or resets after a flat CMOS battery, and a signature dated
 * outside the platform's window is refused, so requests are dated on platform time.
 *
 * Date has a resolution of one second; the sample is taken at the middle of that second and
 * of the round trip. The sample with the shortest round trip among recent ones wins, as in
 * NTP's clock filter: it has the least room for asymmetric delay.
 */
export interface OffsetSample {
  offsetMs: number;
  rttMs: number;
}

export function sampleFromDateHeader(
  dateHeader: string | null | undefined,
  sentAt: number,
  receivedAt: number,
): OffsetSample | undefined {
  if (!dateHeader) return undefined;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs) || receivedAt < sentAt) return undefined;
  return {
    offsetMs: Math.round(serverMs + 500 - (sentAt + receivedAt) / 2),
    rttMs: receivedAt - sentAt,
  };
}

export class ClockOffset {
  private samples: OffsetSample[] = [];
  constructor(private readonly keep = 8) {}

  add(sample: OffsetSample | undefined): void {
    if (!sample) return;
    this.samples.push(sample);
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /** Platform time minus kiosk time, in ms; 0 until a response has been seen. */
  get offsetMs(): number {
    let best: OffsetSample | undefined;
    for (const sample of this.samples) if (!best || sample.rttMs < best.rttMs) best = sample;
    return best?.offsetMs ?? 0;
  }

  /** Forget old samples, e.g. after the platform refused a signature as expired. */
  reset(): void {
    this.samples = [];
  }
}
