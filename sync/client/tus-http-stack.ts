import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import type { KioskHttp } from './kiosk-http';

/**
 * tus-js-client sends through this stack so that every tus request (creation, HEAD, PATCH)
 * carries the kiosk's signature over its body, which tus-js-client's own hooks cannot see.
 */
export class SignedTusStack implements HttpStack {
  constructor(private readonly http: KioskHttp) {}

  createRequest(method: string, url: string): HttpRequest {
    return new SignedTusRequest(this.http, method, url);
  }

  getName(): string {
    return 'budayang-signed-fetch';
  }
}

class SignedTusRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  constructor(
    private readonly http: KioskHttp,
    private readonly method: string,
    private readonly url: string,
  ) {}

  getMethod() {
    return this.method;
  }
  getURL() {
    return this.url;
  }
  setHeader(header: string, value: string) {
    this.headers[header] = value;
  }
  getHeader(header: string) {
    return this.headers[header];
  }
  setProgressHandler() {}

  async send(body: unknown): Promise<HttpResponse> {
    const bytes =
      body == null ? undefined : new Uint8Array(await new Response(body as BodyInit).arrayBuffer());
    const response = await this.http.send({
      method: this.method,
      url: this.url,
      ...(bytes ? { body: bytes } : {}),
      headers: this.headers,
    });
    const text = this.method === 'HEAD' ? '' : await response.text();
    return {
      getStatus: () => response.status,
      getHeader: (name: string) => response.headers.get(name) ?? undefined,
      getBody: () => text,
      getUnderlyingObject: () => response,
    };
  }

  async abort() {}

  getUnderlyingObject() {
    return undefined;
  }
}
