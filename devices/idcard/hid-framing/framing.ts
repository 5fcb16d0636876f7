// How a reader model wraps SAM frames in HID reports. There is no standard mapping, so each
// vendor family gets one small file implementing this, chosen in the technician's config.

export interface HidFraming {
  /** Config name, e.g. 'miaxis'. */
  readonly name: string;
  /** Report payload size, without the report id byte. */
  readonly reportSize: number;
  /** Output reports carrying one whole SAM frame (the driver writes whole frames). */
  wrap(samFrame: Uint8Array): Uint8Array[];
  /** A reassembler for one device: input reports in, SAM frame bytes out. */
  createUnwrapper(): (report: Uint8Array) => Uint8Array[];
}
