import type { Catalog } from '../protocol/catalog';
import type { Rating } from '../protocol/rating';
import type { StatusFeed, StatusUpdate } from '../protocol/status-feed';
import type { Heartbeat } from '../protocol/telemetry';
import { drain, recoverOutbox, type DrainReport } from './drain';
import { errorSummary } from './error-summary';
import type { OutboxEntry } from './outbox-entry';
import type { BatchLimits } from './outbox-policy';
import type { OutboxStore } from './outbox-store';
import type { PlatformPort } from './platform-port';
import { Reachability } from './reachability';
import { pushSmallOutbox, type SmallAnswer, type SmallOutboxStore } from './small-outbox';

const ACKED_RETENTION_MS = 90 * 24 * 3600_000;
const PURGE_EVERY_MS = 6 * 3600_000;

/** The platform as the engine uses it; HttpPlatform implements it. */
export interface SyncPlatform extends PlatformPort {
  catalog(version?: number): Promise<{ catalog: Catalog; etag: string } | undefined>;
  statusUpdates(after: string, limit?: number): Promise<StatusFeed>;
  submitRatings(
    ratings: readonly Rating[],
  ): Promise<Map<string, 'accepted' | 'duplicate' | 'deferred' | 'rejected'>>;
  submitTelemetry(heartbeats: readonly Heartbeat[]): Promise<number>;
  probe(): Promise<boolean>;
}

export interface CatalogCache {
  version(): Promise<number | undefined>;
  save(catalog: Catalog, etag: string): Promise<void>;
}

export interface StatusCache {
  cursor(): Promise<string>;
  apply(updates: readonly StatusUpdate[], cursor: string): Promise<void>;
}

export interface SyncEngineDeps {
  outbox: OutboxStore;
  ratings: SmallOutboxStore;
  telemetry: SmallOutboxStore;
  catalog: CatalogCache;
  status: StatusCache;
  platform: SyncPlatform;
  now?: () => number;
  random?: () => number;
  limits?: BatchLimits;
  /** Attachment uploads at once, and their declared bytes (see drain.ts for defaults). */
  attachmentConcurrency?: number;
  attachmentBytesInFlight?: number;
  catalogEveryMs?: number;
  statusEveryMs?: number;
  /** How long an acknowledged entry stays for the offline progress lookup (default 90 days). */
  ackedRetentionMs?: number;
  onDelivery?: (entries: readonly OutboxEntry[]) => void;
  onCatalog?: (version: number) => void;
  onState?: (state: EngineState) => void;
}

export interface EngineState {
  online: boolean;
  draining: boolean;
  lastSuccessAt?: number;
  lastError?: string;
  lastDrain?: DrainReport;
}

/**
 * Runs the outbox drain and the small pulls and pushes around it, waking at the earliest of:
 * an entry's next attempt, a due pull, a reachability probe, or a kick (new application,
 * syncNow, the browser's online event).
 */
export class SyncEngine {
  private readonly reach = new Reachability();
  private readonly now: () => number;
  private readonly random: () => number;
  private running = false;
  private wake: (() => void) | undefined;
  private forced = false;
  private kicked = false;
  private nextCatalogAt = 0;
  private nextStatusAt = 0;
  private nextPurgeAt = 0;
  readonly state: EngineState = { online: true, draining: false };
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: SyncEngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await recoverOutbox({
      store: this.deps.outbox,
      now: this.now,
      random: this.random,
      ...(this.deps.onDelivery ? { onSettled: this.deps.onDelivery } : {}),
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Something new to send, or the technician pressed 立即同步: run a round now. */
  kick(force = false): void {
    if (force) this.forced = true;
    this.kicked = true;
    this.wake?.();
  }

  linkUp(): void {
    this.reach.linkUp(this.now());
    this.kick();
  }

  linkDown(): void {
    this.reach.linkDown(this.now());
    this.publish();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.round();
      } catch (error) {
        // A bug or a storage error must not end the loop: the queue would silently stop.
        this.state.lastError = errorSummary(error, 'engine error');
        this.publish();
      }
      if (!this.running) return;
      await this.sleepUntil(await this.nextWake());
    }
  }

  private async round(): Promise<void> {
    const now = this.now();
    const forced = this.forced;
    this.forced = false;
    if (!this.reach.online) {
      const due = this.reach.probeDueAt() ?? now;
      if (!forced && due > now) return;
      if (!(await this.deps.platform.probe())) {
        this.reach.failed(this.now(), this.random);
        this.publish();
        return;
      }
      this.reach.succeeded();
      // Back online: nobody should wait out a backoff earned while the link was down.
      await this.deps.outbox.rescheduleAll(this.now());
    }
    if (forced) await this.deps.outbox.rescheduleAll(this.now());

    this.state.draining = true;
    this.publish();
    const report = await drain({
      store: this.deps.outbox,
      platform: this.deps.platform,
      now: this.now,
      random: this.random,
      ...(this.deps.limits ? { limits: this.deps.limits } : {}),
      ...(this.deps.attachmentConcurrency !== undefined
        ? { attachmentConcurrency: this.deps.attachmentConcurrency }
        : {}),
      ...(this.deps.attachmentBytesInFlight !== undefined
        ? { attachmentBytesInFlight: this.deps.attachmentBytesInFlight }
        : {}),
      ...(this.deps.onDelivery ? { onSettled: this.deps.onDelivery } : {}),
    });
    this.state.draining = false;
    this.state.lastDrain = report;
    if (report.delivered > 0) this.state.lastSuccessAt = this.now();
    if (report.lastError) this.state.lastError = report.lastError;
    if (
      report.stoppedBy === 'transient' &&
      report.lastError &&
      !/HTTP \d{3}/.test(report.lastError)
    ) {
      this.reach.failed(this.now(), this.random);
      this.publish();
      return;
    }
    this.reach.succeeded();
    await this.sideRounds(forced);
    this.publish();
  }

  private async sideRounds(forced: boolean): Promise<void> {
    const now = this.now();
    const clock = { now: this.now, random: this.random };
    try {
      await pushSmallOutbox(
        this.deps.ratings,
        (items) => this.sendRatings(items.map((i) => i.payload as Rating)),
        clock,
      );
      await pushSmallOutbox(
        this.deps.telemetry,
        async (items) => {
          await this.deps.platform.submitTelemetry(items.map((i) => i.payload as Heartbeat));
          return new Map(items.map((i) => [i.id, 'delivered' as const]));
        },
        clock,
      );
      if (forced || now >= this.nextCatalogAt) {
        const fresh = await this.deps.platform.catalog(await this.deps.catalog.version());
        if (fresh) {
          await this.deps.catalog.save(fresh.catalog, fresh.etag);
          this.deps.onCatalog?.(fresh.catalog.version);
        }
        this.nextCatalogAt = now + (this.deps.catalogEveryMs ?? 15 * 60_000);
      }
      if (forced || now >= this.nextStatusAt) {
        for (let page = 0; page < 20; page++) {
          const feed = await this.deps.platform.statusUpdates(await this.deps.status.cursor());
          await this.deps.status.apply(feed.updates, feed.cursor);
          if (!feed.hasMore) break;
        }
        this.nextStatusAt = now + (this.deps.statusEveryMs ?? 60_000);
      }
      if (now >= this.nextPurgeAt) {
        await this.deps.outbox.purgeAcked(now - (this.deps.ackedRetentionMs ?? ACKED_RETENTION_MS));
        this.nextPurgeAt = now + PURGE_EVERY_MS;
      }
    } catch (error) {
      this.state.lastError = errorSummary(error, 'sync error');
    }
  }

  private async sendRatings(ratings: Rating[]): Promise<Map<string, SmallAnswer>> {
    const answers = await this.deps.platform.submitRatings(ratings);
    const mapped = new Map<string, SmallAnswer>();
    for (const [id, outcome] of answers)
      mapped.set(
        id,
        outcome === 'deferred' ? 'retry' : outcome === 'rejected' ? 'drop' : 'delivered',
      );
    return mapped;
  }

  private async nextWake(): Promise<number> {
    const candidates = [this.nextCatalogAt, this.nextStatusAt];
    if (this.reach.online) {
      const due = await this.deps.outbox.nextDueAt();
      if (due !== undefined) candidates.push(due);
      for (const store of [this.deps.ratings, this.deps.telemetry]) {
        const next = await store.nextDueAt();
        if (next !== undefined) candidates.push(next);
      }
    } else {
      candidates.push(this.reach.probeDueAt() ?? this.now());
    }
    return Math.min(...candidates);
  }

  private sleepUntil(at: number): Promise<void> {
    const ms = Math.max(0, Math.min(at - this.now(), 60_000));
    return new Promise((resolve) => {
      if (this.kicked || !this.running) {
        this.kicked = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        this.kicked = false;
        done();
      };
    });
  }

  private publish(): void {
    this.state.online = this.reach.online;
    this.deps.onState?.({ ...this.state });
  }
}
