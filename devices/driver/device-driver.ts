// The shape every device driver has (the ID card reader, the printer, the scanner): started
// and stopped by the device manager, connected or not as its ReconnectingLink says, and
// heard through DriverEvents.
import type { DriverEventSource } from './driver-events';

/** Whether the driver's link is open, to which device, and why not. */
export interface LinkState {
  connected: boolean;
  device?: string;
  reason?: string;
}

export interface DeviceDriver<
  Events extends { connection: LinkState },
> extends DriverEventSource<Events> {
  /** Opens the link; resolves once the first open was tried, whatever came of it. */
  start(): Promise<void>;
  /** Closes the link and stops reopening it. */
  stop(): Promise<void>;
  connection(): LinkState;
}
