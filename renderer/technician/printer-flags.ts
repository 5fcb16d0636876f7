// The printer's status bits as the console lists them, each with how bad it is.
import type { PrinterStatus } from '../../devices/bridge/contract';
import type { HealthTone } from './device-health-board';

export type PrinterFlag = 'online' | 'paperOut' | 'paperNearEnd' | 'coverOpen' | 'cutterError';

export interface PrinterFlagView {
  flag: PrinterFlag;
  /** Whether the condition holds (for `online`: the printer answers). */
  active: boolean;
  tone: HealthTone;
}

const faultTone: Record<PrinterFlag, HealthTone> = {
  online: 'fault',
  paperOut: 'fault',
  paperNearEnd: 'warn',
  coverOpen: 'fault',
  cutterError: 'fault',
};

export function printerFlags(status: PrinterStatus): PrinterFlagView[] {
  const view = (flag: PrinterFlag, bad: boolean, active: boolean): PrinterFlagView => ({
    flag,
    active,
    tone: bad ? faultTone[flag] : 'ok',
  });
  return [
    view('online', !status.online, status.online),
    view('paperOut', status.paperOut, status.paperOut),
    view('paperNearEnd', status.paperNearEnd, status.paperNearEnd),
    view('coverOpen', status.coverOpen, status.coverOpen),
    view('cutterError', status.cutterError, status.cutterError),
  ];
}

export function printerTone(status: PrinterStatus): HealthTone {
  if (status.state === 'ready') return 'ok';
  return status.state === 'paper-near-end' ? 'warn' : 'fault';
}
