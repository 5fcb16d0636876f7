import { Problem } from '../protocol/problem';
import type { DeliveryOutcome } from './delivery-outcome';

type RequestFailure = Extract<DeliveryOutcome, { kind: 'transient' | 'batch-refused' }>;

/**
 * What a refused request means for the items in it. The rule: anything the platform may see
 * differently later (overload, maintenance, clock skew, an unknown or suspended kiosk that a
 * technician will fix) is transient and keeps the applications; only a refusal of the request's
 * content counts against the items, and then only after they were tried alone.
 */
export function classifyHttpFailure(
  status: number,
  problemBody: unknown,
  retryAfter: string | null,
  now: number,
): RequestFailure {
  const parsed = Problem.safeParse(problemBody);
  const code = parsed.success ? parsed.data.code : undefined;
  const reason = `HTTP ${status}${code ? ` ${code}` : ''}`;
  if (status >= 500 || status === 408 || status === 429 || status === 423) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return { kind: 'transient', reason, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (status === 401 || status === 403) return { kind: 'transient', reason };
  return { kind: 'batch-refused', reason };
}

/** Retry-After as delay-seconds or an HTTP date; capped at an hour so a bad header cannot park the queue. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, 3_600_000);
}

export async function failureOf(
  response: Response,
  now: number = Date.now(),
): Promise<RequestFailure> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return classifyHttpFailure(response.status, body, response.headers.get('retry-after'), now);
}
