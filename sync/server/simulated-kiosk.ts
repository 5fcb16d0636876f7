import { createHash } from 'node:crypto';
import { toBase64Url } from '../protocol/base64';
import type { EnrolmentResponse } from '../protocol/enrolment';
import { sealApplication } from '../protocol/envelope';
import type { Envelope, EnvelopeContent, EnvelopeHeader } from '../protocol/envelope';
import { exportPublicJwk, generateSigningKeyPair } from '../protocol/http-signature';
import { idHash, importLookupKey } from '../protocol/id-hash';
import { signKioskRequest, verifyPlatformResponse } from '../protocol/kiosk-request';
import { formatReceiptNumber } from '../protocol/receipt-number';
import { PATHS } from '../protocol/routes';
import { attachmentAad, importPlatformPublicKey, sealAttachment } from '../protocol/seal';
import { importVerifyingKey } from '../protocol/http-signature';

/**
 * A kiosk in miniature, speaking the protocol over real HTTP with the shared sync/protocol
 * code: for the platform's tests, the load benchmark and demos. Not the real sync client.
 */

export interface KioskResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  raw: Uint8Array;
  verified: boolean;
}

export class SimulatedKiosk {
  private sequence = 0;

  private constructor(
    readonly baseUrl: string,
    readonly enrolment: EnrolmentResponse,
    private readonly signingKey: CryptoKey,
    readonly platformKey: CryptoKey,
    readonly lookupKey: CryptoKey,
    private readonly platformVerifyKey: CryptoKey,
  ) {}

  static async enrol(baseUrl: string, code: string, label = 'test kiosk'): Promise<SimulatedKiosk> {
    const pair = await generateSigningKeyPair();
    const response = await fetch(`${baseUrl}${PATHS.enrolments}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, publicKey: await exportPublicJwk(pair.publicKey), label }),
    });
    if (response.status !== 201)
      throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
    const enrolment = (await response.json()) as EnrolmentResponse;
    return new SimulatedKiosk(
      baseUrl,
      enrolment,
      pair.privateKey,
      await importPlatformPublicKey(enrolment.platformEncryptionKey),
      await importLookupKey(enrolment.lookupKey),
      await importVerifyingKey(enrolment.platformSigningKey),
    );
  }

  get id(): string {
    return this.enrolment.kioskId;
  }

  nextReceiptNumber(): string {
    return formatReceiptNumber(this.enrolment.receiptPrefix, new Date(), ++this.sequence);
  }

  /** The signed headers of one request, for callers that send it over their own transport. */
  async sign(
    method: string,
    path: string,
    body?: Uint8Array,
  ): Promise<Record<'content-digest' | 'signature-input' | 'signature', string>> {
    return signKioskRequest({
      key: this.signingKey,
      kioskId: this.id,
      method,
      url: path,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** Checks the platform's signature and digest on a response received over another transport. */
  async verifyResponse(
    status: number,
    headers: Record<string, string | string[] | undefined>,
    raw: Uint8Array,
  ): Promise<boolean> {
    return verifyPlatformResponse({
      key: this.platformVerifyKey,
      keyId: this.enrolment.platformKeyId,
      status,
      headers,
      body: raw,
      now: Math.floor(Date.now() / 1000),
    });
  }

  /** Signs and sends; `mutate` may spoil the request for fault tests. */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: {
      contentType?: string;
      rawBody?: Uint8Array;
      /** Sent instead of the signed body, to prove tampering is caught. */
      sendBody?: Uint8Array;
      headers?: Record<string, string>;
      created?: number;
      nonce?: string;
      mutate?: (headers: Record<string, string>) => void;
      /** Another instance of the platform, behind the same load balancer as it were. */
      baseUrl?: string;
    } = {},
  ): Promise<KioskResponse<T>> {
    const bytes =
      options.rawBody ??
      (body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)));
    const signed = await signKioskRequest({
      key: this.signingKey,
      kioskId: this.id,
      method,
      url: path,
      ...(bytes === undefined ? {} : { body: bytes }),
      ...(options.created === undefined ? {} : { created: options.created }),
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    });
    const headers: Record<string, string> = { ...signed, ...(options.headers ?? {}) };
    if (bytes !== undefined) headers['content-type'] ??= options.contentType ?? 'application/json';
    options.mutate?.(headers);
    const sent = options.sendBody ?? bytes;
    const response = await fetch(`${options.baseUrl ?? this.baseUrl}${path}`, {
      method,
      headers,
      ...(sent === undefined ? {} : { body: new Uint8Array(sent) }),
    });
    const raw = new Uint8Array(await response.arrayBuffer());
    const responseHeaders = Object.fromEntries(response.headers.entries());
    const text = new TextDecoder().decode(raw);
    const verified = await verifyPlatformResponse({
      key: this.platformVerifyKey,
      keyId: this.enrolment.platformKeyId,
      status: response.status,
      headers: responseHeaders,
      body: raw,
      now: Math.floor(Date.now() / 1000),
    });
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: responseHeaders, body: parsed as T, raw, verified };
  }

  /** Seals an application; attachments are sealed blobs with their declarations. */
  async seal(
    serviceCode: string,
    content: EnvelopeContent,
    attachments: { id: string; bytes: Uint8Array }[] = [],
    header: Partial<EnvelopeHeader> = {},
  ): Promise<{ envelope: Envelope; blobs: Map<string, Uint8Array> }> {
    const id = header.id ?? crypto.randomUUID();
    const blobs = new Map<string, Uint8Array>();
    for (const a of attachments)
      blobs.set(a.id, await sealAttachment(this.platformKey, a.bytes, attachmentAad(id, a.id)));
    const full: EnvelopeHeader = {
      id,
      serviceCode,
      createdAt: new Date().toISOString(),
      receiptNumber: this.nextReceiptNumber(),
      idHash: await idHash(this.lookupKey, content.identity.idNumber),
      attachments: [...blobs].map(([attachmentId, blob]) => ({
        id: attachmentId,
        size: blob.byteLength,
        sha256: toBase64Url(new Uint8Array(createHash('sha256').update(blob).digest())),
      })),
      ...header,
    };
    return { envelope: await sealApplication(this.platformKey, full, content), blobs };
  }
}
