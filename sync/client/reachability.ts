import { fullJitterDelay, type BackoffPolicy } from './backoff';

/**
 * Whether the platform can be reached. The browser's online/offline events only know about
 * the local link (a kiosk on a LAN whose uplink is down reads "online"), so a failed request
 * marks the platform unreachable and a probe, repeated with backoff, marks it back.
 */
export class Reachability {
  private reachable = true;
  private failures = 0;
  private nextProbe = 0;
  constructor(private readonly backoff: BackoffPolicy = { baseMs: 2_000, capMs: 60_000 }) {}

  get online(): boolean {
    return this.reachable;
  }

  /** A request reached the platform (any HTTP answer counts). Returns true if this is news. */
  succeeded(): boolean {
    const news = !this.reachable;
    this.reachable = true;
    this.failures = 0;
    return news;
  }

  /** The link failed under a request or a probe. */
  failed(now: number, random: () => number): void {
    this.reachable = false;
    this.failures += 1;
    this.nextProbe = now + Math.max(1_000, fullJitterDelay(this.backoff, this.failures, random));
  }

  /** The browser says the local link came up: probe at once. */
  linkUp(now: number): void {
    this.nextProbe = now;
  }

  /** The browser says the local link went down. */
  linkDown(now: number): void {
    this.reachable = false;
    this.nextProbe = now + this.backoff.baseMs;
  }

  probeDueAt(): number | undefined {
    return this.reachable ? undefined : this.nextProbe;
  }
}
