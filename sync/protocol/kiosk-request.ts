import { checkContentDigest, contentDigest } from './content-digest';
import {
  REQUEST_COMPONENTS,
  RESPONSE_COMPONENTS,
  SIGNATURE_WINDOW_SECONDS,
  signMessage,
  verifyMessage,
} from './http-signature';

/** The headers one kiosk request carries: Content-Digest of the body (empty when none) and its signature. */
export async function signKioskRequest(options: {
  key: CryptoKey;
  kioskId: string;
  method: string;
  /** Path and query (`/v1/status-updates?after=3`) or an absolute URL. */
  url: string;
  body?: Uint8Array;
  created?: number;
  nonce?: string;
}): Promise<Record<'content-digest' | 'signature-input' | 'signature', string>> {
  const digest = await contentDigest(options.body ?? new Uint8Array());
  const signed = await signMessage(
    { method: options.method, url: options.url, headers: { 'content-digest': digest } },
    {
      key: options.key,
      keyId: options.kioskId,
      components: REQUEST_COMPONENTS,
      ...(options.created === undefined ? {} : { created: options.created }),
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    },
  );
  return { 'content-digest': digest, ...signed };
}

/** Checks a platform response: its signature by the platform key and its body digest. */
export async function verifyPlatformResponse(options: {
  key: CryptoKey;
  keyId: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  /** Seconds since the epoch. */
  now: number;
}): Promise<boolean> {
  const result = await verifyMessage(
    { status: options.status, headers: options.headers },
    {
      required: RESPONSE_COMPONENTS,
      requireNonce: false,
      now: options.now,
      windowSeconds: SIGNATURE_WINDOW_SECONDS,
      resolveKey: async (keyId) => (keyId === options.keyId ? options.key : undefined),
    },
  );
  if (!result.ok) return false;
  const digestHeader = options.headers['content-digest'];
  return (
    (await checkContentDigest(
      Array.isArray(digestHeader) ? digestHeader.join(', ') : digestHeader,
      options.body,
    )) === 'ok'
  );
}
