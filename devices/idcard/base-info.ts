// The data of a base-info reply (`30 01`, or `30 10` with fingerprints): big-endian lengths
// of each block, then the blocks: text, WLT photo, and with `30 10` the fingerprints.

export interface BaseInfo {
  text: Uint8Array;
  /** WLT photo: opaque, kept in memory only. */
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export type BaseInfoResult = { ok: true; info: BaseInfo } | { ok: false; message: string };

export function parseBaseInfo(data: Uint8Array, withFingerprint: boolean): BaseInfoResult {
  const count = withFingerprint ? 3 : 2;
  if (data.length < count * 2) {
    return { ok: false, message: `base info of ${data.length} bytes has no room for its lengths` };
  }
  const lengths = Array.from({ length: count }, (_, i) => (data[2 * i]! << 8) | data[2 * i + 1]!);
  const expected = count * 2 + lengths.reduce((a, b) => a + b, 0);
  if (data.length !== expected) {
    return { ok: false, message: `base info of ${data.length} bytes, its lengths say ${expected}` };
  }
  let at = count * 2;
  const blocks = lengths.map((length) => data.slice(at, (at += length)));
  const [text, photo, fingerprint] = blocks as [Uint8Array, Uint8Array, Uint8Array | undefined];
  return { ok: true, info: fingerprint ? { text, photo, fingerprint } : { text, photo } };
}

export function encodeBaseInfo(info: BaseInfo): Uint8Array {
  const blocks = info.fingerprint
    ? [info.text, info.photo, info.fingerprint]
    : [info.text, info.photo];
  const out = new Uint8Array(blocks.length * 2 + blocks.reduce((n, b) => n + b.length, 0));
  let at = blocks.length * 2;
  blocks.forEach((block, i) => {
    out[2 * i] = block.length >> 8;
    out[2 * i + 1] = block.length & 0xff;
    out.set(block, at);
    at += block.length;
  });
  return out;
}
