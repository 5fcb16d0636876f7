import { contentDigest } from '../protocol/content-digest';
import { REQUEST_COMPONENTS, signMessage } from '../protocol/http-signature';
import { ClockOffset, sampleFromDateHeader } from './clock-offset';

export interface KioskIdentity {
  kioskId: string;
  /** Non-extractable ECDSA P-256 private key. */
  signingKey: CryptoKey;
}

export interface KioskHttpOptions {
  baseUrl: string;
  identity?: KioskIdentity;
  clock?: ClockOffset;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface KioskRequest {
  method: string;
  /** Path and query, or an absolute URL (tus upload URLs). */
  url: string;
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * fetch to the platform with the kiosk's RFC 9421 signature (method, path, query, body
 * digest, a nonce) dated on platform time, and every response's Date folded into the
 * clock offset estimate.
 */
export class KioskHttp {
  readonly clock: ClockOffset;
  private readonly fetchImpl: typeof fetch;
  constructor(private readonly options: KioskHttpOptions) {
    this.clock = options.clock ?? new ClockOffset();
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  withIdentity(identity: KioskIdentity): KioskHttp {
    return new KioskHttp({ ...this.options, identity, clock: this.clock, fetch: this.fetchImpl });
  }

  resolve(url: string): URL {
    return new URL(url, this.options.baseUrl);
  }

  async send(request: KioskRequest): Promise<Response> {
    const url = this.resolve(request.url);
    const body = request.body ?? new Uint8Array(0);
    const headers: Record<string, string> = {
      ...request.headers,
      'content-digest': await contentDigest(body),
    };
    const identity = this.options.identity;
    if (identity) {
      const created = Math.floor((Date.now() + this.clock.offsetMs) / 1000);
      const signature = await signMessage(
        { method: request.method, url: url.pathname + url.search, headers },
        {
          key: identity.signingKey,
          keyId: identity.kioskId,
          components: REQUEST_COMPONENTS,
          created,
        },
      );
      Object.assign(headers, signature);
    }
    const sentAt = Date.now();
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const response = await this.fetchImpl(url, {
      method: request.method,
      headers,
      ...(hasBody ? { body: body as Uint8Array<ArrayBuffer> } : {}),
      signal: AbortSignal.timeout(request.timeoutMs ?? this.options.timeoutMs ?? 30_000),
    });
    this.clock.add(sampleFromDateHeader(response.headers.get('date'), sentAt, Date.now()));
    return response;
  }

  async json(
    method: string,
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.send({
      method,
      url,
      body: new TextEncoder().encode(JSON.stringify(payload)),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }
}
