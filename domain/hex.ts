// Hex notation of the protocol doc ('AA AA AA 96 69 …') to bytes and back, for tests and the
// technician's decode command; and the few other hex spellings technicians see (a status
// byte 'A1', a USB id '10c4:0007' as lsusb writes it, a SAM id as one lowercase run).

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/0x/gi, '').replace(/[\s,:-]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) {
    throw new Error('not hex: expected pairs of 0-9 A-F, spaces allowed');
  }
  return Uint8Array.from(clean.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export interface HexOptions {
  /** Between bytes; a space by default, as the protocol doc writes frames. */
  separator?: string;
  lowercase?: boolean;
}

export function toHex(bytes: Uint8Array, options: HexOptions = {}): string {
  const pairs = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  const text = pairs.join(options.separator ?? ' ');
  return options.lowercase ? text : text.toUpperCase();
}

/** One byte as the protocol doc writes it: 0x9f → '9F'. */
export function byteHex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** A USB vendor or product id as lsusb and udev write it: 0x10c4 → '10c4'. */
export function usbIdHex(id: number): string {
  return id.toString(16).padStart(4, '0');
}

/** A USB device as lsusb names it: '10c4:0007'. */
export function usbDeviceHex(vendorId: number, productId: number): string {
  return `${usbIdHex(vendorId)}:${usbIdHex(productId)}`;
}
