import { createPrivateKey, createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { httpbis, createSigner, createVerifier } from 'http-message-signatures';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest';
import {
  REQUEST_COMPONENTS,
  generateSigningKeyPair,
  exportPublicJwk,
  signMessage,
  signatureBase,
  verifyMessage,
} from './http-signature';
import type { SignableMessage } from './http-signature';

const now = 1_760_000_000;

async function keyPair() {
  const pair = await generateSigningKeyPair(true);
  return pair;
}

async function request(
  body = '{"a":1}',
): Promise<SignableMessage & { method: string; url: string }> {
  return {
    method: 'POST',
    url: '/v1/applications/batch?x=1',
    headers: { 'content-digest': await contentDigest(new TextEncoder().encode(body)) },
  };
}

function verifyOptions(key: CryptoKey) {
  return {
    required: REQUEST_COMPONENTS,
    requireNonce: true,
    now,
    resolveKey: async (id: string) => (id === 'kiosk-1' ? key : undefined),
  };
}

describe('RFC 9421 signatures', () => {
  it('builds the base of RFC 9421 §2.5 with the parameters last', () => {
    const base = signatureBase(
      {
        method: 'get',
        url: 'https://p.example/v1/catalog',
        headers: { 'Content-Digest': 'sha-256=:AAA=:' },
      },
      REQUEST_COMPONENTS,
      {
        created: 1,
        keyid: 'k',
        nonce: 'n',
        alg: 'ecdsa-p256-sha256',
      },
    );
    expect(base).toBe(
      [
        '"@method": GET',
        '"@path": /v1/catalog',
        '"@query": ?',
        '"content-digest": sha-256=:AAA=:',
        '"@signature-params": ("@method" "@path" "@query" "content-digest");created=1;keyid="k";nonce="n";alg="ecdsa-p256-sha256"',
      ].join('\n'),
    );
  });

  it('signs and verifies, and refuses a changed path, a stale clock and a missing nonce', async () => {
    const { privateKey, publicKey } = await keyPair();
    const message = await request();
    const headers = await signMessage(message, {
      key: privateKey,
      keyId: 'kiosk-1',
      components: REQUEST_COMPONENTS,
      created: now,
    });
    const signed = { ...message, headers: { ...message.headers, ...headers } };
    expect(await verifyMessage(signed, verifyOptions(publicKey))).toMatchObject({
      ok: true,
      keyId: 'kiosk-1',
    });
    expect(
      await verifyMessage({ ...signed, url: '/v1/ratings' }, verifyOptions(publicKey)),
    ).toMatchObject({ ok: false, reason: 'invalid' });
    expect(
      await verifyMessage(signed, { ...verifyOptions(publicKey), now: now + 301 }),
    ).toMatchObject({ ok: false, reason: 'expired' });
    const noNonce = await signMessage(message, {
      key: privateKey,
      keyId: 'kiosk-1',
      components: REQUEST_COMPONENTS,
      created: now,
      nonce: null,
    });
    expect(
      await verifyMessage(
        { ...message, headers: { ...message.headers, ...noNonce } },
        verifyOptions(publicKey),
      ),
    ).toMatchObject({ ok: false, reason: 'components' });
    expect(await verifyMessage(message, verifyOptions(publicKey))).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it('interoperates with the npm http-message-signatures implementation both ways', async () => {
    const { privateKey, publicKey } = await keyPair();
    const jwkPrivate = await crypto.subtle.exportKey('jwk', privateKey);
    const nodePrivate = createPrivateKey({ key: jwkPrivate as never, format: 'jwk' });
    const nodePublic = createPublicKey({
      key: (await exportPublicJwk(publicKey)) as never,
      format: 'jwk',
    });
    const message = await request();

    const theirs = await httpbis.signMessage(
      {
        key: createSigner(nodePrivate, 'ecdsa-p256-sha256', 'kiosk-1'),
        name: 'sig1',
        fields: [...REQUEST_COMPONENTS],
        params: ['created', 'keyid', 'nonce', 'alg'],
        paramValues: { created: new Date(now * 1000), nonce: 'abcdef0123456789' },
      },
      {
        method: message.method,
        url: `http://p.example${message.url}`,
        headers: message.headers as Record<string, string>,
      },
    );
    expect(
      await verifyMessage({ ...message, headers: theirs.headers }, verifyOptions(publicKey)),
    ).toMatchObject({ ok: true });

    const ours = await signMessage(message, {
      key: privateKey,
      keyId: 'kiosk-1',
      components: REQUEST_COMPONENTS,
      created: Math.floor(Date.now() / 1000),
    });
    const verified = await httpbis.verifyMessage(
      {
        keyLookup: async () => ({
          id: 'kiosk-1',
          algs: ['ecdsa-p256-sha256'],
          verify: createVerifier(nodePublic, 'ecdsa-p256-sha256'),
        }),
      },
      {
        method: message.method,
        url: `http://p.example${message.url}`,
        headers: { ...(message.headers as Record<string, string>), ...ours },
      },
    );
    expect(verified).toBe(true);
  });

  it('never throws on arbitrary Signature and Signature-Input headers', async () => {
    const { publicKey } = await keyPair();
    const message = await request();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        async (input, signature) => {
          const result = await verifyMessage(
            { ...message, headers: { ...message.headers, 'signature-input': input, signature } },
            verifyOptions(publicKey),
          );
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
