import { checkContentDigest } from '../protocol/content-digest';
import {
  REQUEST_COMPONENTS,
  SIGNATURE_WINDOW_SECONDS,
  verifyMessage,
} from '../protocol/http-signature';
import type { Clock } from './clock';
import type { KioskRegistry, KioskRecord } from './kiosk-registry';
import type { NonceStore } from './nonce-store';
import { ProblemError } from './problem-error';

export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/**
 * Authenticates one kiosk request: RFC 9421 signature by an enrolled, unrevoked kiosk,
 * within the clock window, with a fresh nonce, over a Content-Digest that matches the body.
 * The nonce is only remembered once everything else holds, so garbage cannot burn nonces.
 */
export class KioskAuthenticator {
  constructor(
    private readonly registry: KioskRegistry,
    private readonly nonces: NonceStore,
    private readonly clock: Clock,
    private readonly windowSeconds = SIGNATURE_WINDOW_SECONDS,
  ) {}

  async authenticate(request: SignedRequest): Promise<KioskRecord> {
    let kiosk: KioskRecord | undefined;
    const result = await verifyMessage(request, {
      required: REQUEST_COMPONENTS,
      requireNonce: true,
      now: Math.floor(this.clock.now() / 1000),
      windowSeconds: this.windowSeconds,
      resolveKey: async (keyId) => {
        kiosk = await this.registry.find(keyId);
        if (kiosk === undefined) return undefined;
        return this.registry.verifyingKey(kiosk);
      },
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'missing':
          throw new ProblemError(
            'signature-missing',
            401,
            'send Signature-Input and Signature (RFC 9421, label sig1)',
          );
        case 'expired':
          throw new ProblemError(
            'signature-expired',
            401,
            `created must be within ${this.windowSeconds} s of the platform clock`,
          );
        case 'unknown-key':
          throw new ProblemError('unknown-kiosk', 401, 'the keyid is not an enrolled kiosk');
        case 'components':
          throw new ProblemError(
            'signature-invalid',
            401,
            `the signature must cover ${REQUEST_COMPONENTS.join(' ')} with created and nonce`,
          );
        case 'algorithm':
          throw new ProblemError('signature-invalid', 401, 'alg must be ecdsa-p256-sha256');
        default:
          throw new ProblemError(
            'signature-invalid',
            401,
            result.reason === 'malformed' ? 'Signature-Input or Signature is malformed' : undefined,
          );
      }
    }
    if (kiosk === undefined) throw new ProblemError('unknown-kiosk', 401);
    const revoked = () =>
      new ProblemError('kiosk-revoked', 403, 'this kiosk was revoked; enrol it again');
    if (kiosk.revokedAt !== null) throw revoked();
    const digest = request.headers['content-digest'];
    const digestCheck = await checkContentDigest(
      Array.isArray(digest) ? digest.join(', ') : digest,
      request.body,
    );
    if (digestCheck !== 'ok')
      throw new ProblemError('digest-mismatch', 400, `Content-Digest is ${digestCheck}`);
    const nonce = await this.nonces.remember(kiosk.id, result.nonce!, this.clock.now());
    if (nonce === 'revoked') throw revoked();
    if (nonce === 'replayed')
      throw new ProblemError(
        'nonce-replayed',
        401,
        'this nonce was used before: the request looks replayed',
      );
    return kiosk;
  }
}
