// The console's picture of the four device roles, kept current from `devices.list()` and the
// `devices.health` events. The list and the events race at start-up, so a report only
// replaces one that is not newer than itself.
import type { DeviceHealth, DeviceRole, HealthState } from '../../devices/bridge/contract';

export const roleOrder: readonly DeviceRole[] = ['idcard', 'printer', 'scanner', 'camera'];

export type HealthBoard = Readonly<Partial<Record<DeviceRole, DeviceHealth>>>;

/** How a state looks: green, amber, red, or grey for a role nobody configured. */
export type HealthTone = 'ok' | 'warn' | 'fault' | 'off';

export function healthTone(state: HealthState | undefined): HealthTone {
  switch (state) {
    case 'connected':
      return 'ok';
    case 'degraded':
      return 'warn';
    case 'disconnected':
      return 'fault';
    default:
      return 'off';
  }
}

function isNewer(incoming: DeviceHealth, current: DeviceHealth | undefined): boolean {
  if (!current) return true;
  const a = Date.parse(incoming.since);
  const b = Date.parse(current.since);
  // An unreadable time cannot prove the report stale: the later arrival wins.
  return Number.isNaN(a) || Number.isNaN(b) || a >= b;
}

export function applyHealth(board: HealthBoard, health: DeviceHealth): HealthBoard {
  return isNewer(health, board[health.role]) ? { ...board, [health.role]: health } : board;
}

export function applyHealthList(board: HealthBoard, list: readonly DeviceHealth[]): HealthBoard {
  return list.reduce(applyHealth, board);
}

export interface BoardSummary {
  working: DeviceRole[];
  /** Degraded or disconnected: what the technician came for. */
  attention: DeviceRole[];
  /** Unconfigured, or never reported by the host. */
  idle: DeviceRole[];
}

export function summarizeBoard(board: HealthBoard): BoardSummary {
  const summary: BoardSummary = { working: [], attention: [], idle: [] };
  for (const role of roleOrder) {
    const tone = healthTone(board[role]?.state);
    if (tone === 'ok') summary.working.push(role);
    else if (tone === 'off') summary.idle.push(role);
    else summary.attention.push(role);
  }
  return summary;
}
