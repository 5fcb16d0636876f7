// A byte pipe to a device: a serial port, a raw printer file, a HID device behind a framing,
// or an in-memory link to a simulator. Drivers speak bytes over this and nothing else.
export interface ByteTransport {
  /** For technicians and logs: '/dev/ttyUSB0', 'hid 10c4:0007', 'simulator'. */
  readonly description: string;
  /** Resolves once the bytes have been handed to the operating system. */
  write(data: Uint8Array): Promise<void>;
  onData(handler: (chunk: Uint8Array) => void): () => void;
  /** Called once when the link ends: closed by us, unplugged, or an I/O error. */
  onClose(handler: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** How a driver gets a transport, again after an unplug. */
export type OpenTransport = () => Promise<ByteTransport>;
