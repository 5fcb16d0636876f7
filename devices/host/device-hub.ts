import type { z } from 'zod';
import type {
  AcceptanceReceipt,
  DeviceHealth,
  Identity,
  methods,
  PrinterStatus,
  ReceiptDocument,
} from '../bridge/contract';

type ResultOf<M extends keyof typeof methods> = z.output<(typeof methods)[M]['result']>;

/**
 * What the device host needs of the devices, whatever is behind them: real drivers bound
 * by the device manager, or the demo's simulators. Events go to the host's event hub.
 */
export interface DeviceHub {
  readerStatus(): ResultOf<'idcard.status'>;
  readOnce(timeoutMs: number): Promise<Identity>;
  printerStatus(): Promise<PrinterStatus>;
  print(document: ReceiptDocument): Promise<ResultOf<'printer.print'>>;
  printAcceptanceReceipt(receipt: AcceptanceReceipt): Promise<ResultOf<'printer.print'>>;
  printTestPage(): Promise<ResultOf<'printer.print'>>;
  scannerStatus(): ResultOf<'scanner.status'>;
  list(): DeviceHealth[];
  discover(): Promise<ResultOf<'devices.discover'>>;
  stop(): Promise<void>;
}
