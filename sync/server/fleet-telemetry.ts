import type { Fleet, FleetKiosk } from '../protocol/fleet';
import type { DeviceReport, Heartbeat, QueueDepth } from '../protocol/telemetry';
import type { Clock } from './clock';
import type { Database } from './database';
import { isoTime } from './stored-time';

/** Heartbeats in, the operator's fleet view out. */

export async function storeHeartbeats(
  db: Database,
  clock: Clock,
  kioskId: string,
  heartbeats: Heartbeat[],
): Promise<number> {
  const now = clock.now();
  const latest = [...heartbeats].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1)!;
  await db.transaction(async (tx) => {
    for (const beat of heartbeats) {
      await tx.run(
        'INSERT INTO heartbeats (kiosk_id, at, received_at, content) VALUES ($1, $2, $3, $4)',
        [kioskId, beat.at, now, JSON.stringify(beat)],
      );
    }
    await tx.run(
      'UPDATE kiosks SET last_seen_at = $1, app_version = $2, queue_depth = $3, devices = $4 WHERE id = $5',
      [
        now,
        latest.appVersion,
        JSON.stringify(latest.queueDepth),
        JSON.stringify(latest.devices),
        kioskId,
      ],
    );
  });
  return heartbeats.length;
}

export async function touchKiosk(db: Database, kioskId: string, now: number): Promise<void> {
  await db.run('UPDATE kiosks SET last_seen_at = $1 WHERE id = $2', [now, kioskId]);
}

export async function fleet(db: Database, clock: Clock): Promise<Fleet> {
  const rows = await db.query<{
    id: string;
    label: string | null;
    receipt_prefix: string;
    enrolled_at: number;
    revoked_at: number | null;
    last_seen_at: number | null;
    app_version: string | null;
    queue_depth: string | null;
    devices: string | null;
  }>(
    'SELECT id, label, receipt_prefix, enrolled_at, revoked_at, last_seen_at, app_version, queue_depth, devices FROM kiosks ORDER BY enrolled_at',
  );
  const counts = await db.query<{ kiosk_id: string; n: number }>(
    'SELECT kiosk_id, COUNT(*) AS n FROM applications GROUP BY kiosk_id',
  );
  const kiosks: FleetKiosk[] = rows.map((r) => ({
    kioskId: r.id,
    ...(r.label === null ? {} : { label: r.label }),
    receiptPrefix: r.receipt_prefix,
    enrolledAt: isoTime(r.enrolled_at),
    ...(r.revoked_at === null ? {} : { revokedAt: isoTime(r.revoked_at) }),
    ...(r.last_seen_at === null ? {} : { lastSeenAt: isoTime(r.last_seen_at) }),
    ...(r.app_version === null ? {} : { appVersion: r.app_version }),
    ...(r.queue_depth === null ? {} : { queueDepth: JSON.parse(r.queue_depth) as QueueDepth }),
    faults:
      r.devices === null
        ? []
        : (JSON.parse(r.devices) as DeviceReport[]).filter((d) => d.state !== 'ok'),
    applications: Number(counts.find((c) => c.kiosk_id === r.id)?.n ?? 0),
  }));
  return { generatedAt: isoTime(clock.now()), kiosks };
}
