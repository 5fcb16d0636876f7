import { parseDictionary, serializeDictionary, serializeInnerList } from 'structured-headers';
import type { InnerList, Item, Parameters } from 'structured-headers';
import { asBufferSource, utf8 } from './bytes';

/**
 * RFC 9421 HTTP Message Signatures with ecdsa-p256-sha256 over WebCrypto (which already
 * produces the IEEE P1363 r||s form the RFC requires). Written here rather than taken from
 * the npm `http-message-signatures` package because that one signs with Node's crypto and
 * this folder must also run in a browser Web Worker; the tests prove both interoperate.
 */

export const SIGNATURE_ALGORITHM = 'ecdsa-p256-sha256';
export const SIGNATURE_LABEL = 'sig1';
/** What every kiosk request must cover, besides the created and nonce parameters. */
export const REQUEST_COMPONENTS = ['@method', '@path', '@query', 'content-digest'] as const;
/** What the platform covers in its responses. */
export const RESPONSE_COMPONENTS = ['@status', 'content-digest'] as const;
/** A signature older or newer than this (seconds) against the verifier's clock is refused. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** The parts of an HTTP message a signature can cover; header names in any case. */
export interface SignableMessage {
  method?: string;
  /** Path and query as sent (`/v1/x?a=1`) or an absolute URL. */
  url?: string;
  status?: number;
  headers: Record<string, string | string[] | undefined>;
}

export interface SignatureParams {
  created: number;
  keyid: string;
  nonce?: string;
  alg: string;
  expires?: number;
}

export interface SignatureHeaders {
  'signature-input': string;
  signature: string;
}

function headerValue(headers: SignableMessage['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    if (value === undefined) return undefined;
    return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).join(', ');
  }
  return undefined;
}

function splitTarget(url: string): { path: string; query: string } {
  const parsed = new URL(url, 'http://target.invalid');
  return {
    path: parsed.pathname === '' ? '/' : parsed.pathname,
    query: parsed.search === '' ? '?' : parsed.search,
  };
}

export class SignatureComponentError extends Error {
  constructor(readonly component: string) {
    super(`cannot derive signature component ${component}`);
    this.name = 'SignatureComponentError';
  }
}

export function componentValue(message: SignableMessage, component: string): string {
  switch (component) {
    case '@method':
      if (message.method === undefined) break;
      return message.method.toUpperCase();
    case '@path':
      if (message.url === undefined) break;
      return splitTarget(message.url).path;
    case '@query':
      if (message.url === undefined) break;
      return splitTarget(message.url).query;
    case '@status':
      if (message.status === undefined) break;
      return String(message.status);
    default: {
      if (component.startsWith('@')) break;
      const value = headerValue(message.headers, component);
      if (value !== undefined) return value;
    }
  }
  throw new SignatureComponentError(component);
}

function paramsMap(params: SignatureParams): Parameters {
  const map: Parameters = new Map();
  map.set('created', params.created);
  if (params.expires !== undefined) map.set('expires', params.expires);
  map.set('keyid', params.keyid);
  if (params.nonce !== undefined) map.set('nonce', params.nonce);
  map.set('alg', params.alg);
  return map;
}

function innerList(components: readonly string[], params: SignatureParams): InnerList {
  return [components.map((c): Item => [c, new Map()]), paramsMap(params)];
}

/** The RFC 9421 §2.5 signature base; throws SignatureComponentError when a component is absent. */
export function signatureBase(
  message: SignableMessage,
  components: readonly string[],
  params: SignatureParams,
): string {
  const lines = components.map((c) => `"${c}": ${componentValue(message, c)}`);
  lines.push(`"@signature-params": ${serializeInnerList(innerList(components, params))}`);
  return lines.join('\n');
}

export function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SignOptions {
  key: CryptoKey;
  keyId: string;
  components: readonly string[];
  /** Seconds since the epoch; defaults to now. */
  created?: number;
  /** Defaults to a fresh random nonce; `null` leaves it out (responses). */
  nonce?: string | null;
  label?: string;
}

export async function signMessage(
  message: SignableMessage,
  options: SignOptions,
): Promise<SignatureHeaders> {
  const params: SignatureParams = {
    created: options.created ?? Math.floor(Date.now() / 1000),
    keyid: options.keyId,
    alg: SIGNATURE_ALGORITHM,
  };
  const nonce = options.nonce === undefined ? randomNonce() : options.nonce;
  if (nonce !== null) params.nonce = nonce;
  const base = signatureBase(message, options.components, params);
  const signature = await globalThis.crypto.subtle.sign(ECDSA_SHA256, options.key, utf8(base));
  const label = options.label ?? SIGNATURE_LABEL;
  return {
    'signature-input': serializeDictionary(
      new Map([[label, innerList(options.components, params)]]),
    ),
    signature: serializeDictionary(new Map([[label, [signature, new Map()]]])),
  };
}

export type VerifyFailure =
  'missing' | 'malformed' | 'components' | 'algorithm' | 'expired' | 'unknown-key' | 'invalid';

export type VerifyResult =
  | { ok: true; keyId: string; created: number; nonce: string | undefined; components: string[] }
  | { ok: false; reason: VerifyFailure; keyId?: string };

export interface VerifyOptions {
  /** Components that must all be covered. */
  required: readonly string[];
  requireNonce: boolean;
  /** Seconds since the epoch. */
  now: number;
  windowSeconds?: number;
  resolveKey: (keyId: string) => Promise<CryptoKey | undefined>;
  label?: string;
}

interface ParsedSignature {
  input: InnerList;
  components: string[];
  params: SignatureParams;
  signature: Uint8Array;
}

function parseSignature(
  signatureInput: string,
  signature: string,
  label: string | undefined,
): ParsedSignature | 'missing' | 'malformed' {
  let inputs, signatures;
  try {
    inputs = parseDictionary(signatureInput);
    signatures = parseDictionary(signature);
  } catch {
    return 'malformed';
  }
  const name = label ?? inputs.keys().next().value;
  if (name === undefined) return 'missing';
  const input = inputs.get(name);
  const sig = signatures.get(name);
  if (input === undefined || sig === undefined) return 'missing';
  if (!Array.isArray(input[0]) || Array.isArray(sig[0]) || !(sig[0] instanceof ArrayBuffer))
    return 'malformed';
  const components: string[] = [];
  for (const [item, itemParams] of input[0] as Item[]) {
    if (typeof item !== 'string' || itemParams.size > 0) return 'malformed';
    components.push(item);
  }
  const p = input[1];
  const created = p.get('created');
  const keyid = p.get('keyid');
  const nonce = p.get('nonce');
  const alg = p.get('alg');
  const expires = p.get('expires');
  if (typeof created !== 'number' || !Number.isInteger(created) || typeof keyid !== 'string')
    return 'malformed';
  if (nonce !== undefined && typeof nonce !== 'string') return 'malformed';
  if (alg !== undefined && typeof alg !== 'string') return 'malformed';
  if (expires !== undefined && (typeof expires !== 'number' || !Number.isInteger(expires)))
    return 'malformed';
  const params: SignatureParams = { created, keyid, alg: alg ?? '' };
  if (expires !== undefined) params.expires = expires;
  if (nonce !== undefined) params.nonce = nonce;
  return { input: input as InnerList, components, params, signature: new Uint8Array(sig[0]) };
}

export async function verifyMessage(
  message: SignableMessage,
  options: VerifyOptions,
): Promise<VerifyResult> {
  const signatureInput = componentOrUndefined(message, 'signature-input');
  const signatureHeader = componentOrUndefined(message, 'signature');
  if (signatureInput === undefined || signatureHeader === undefined)
    return { ok: false, reason: 'missing' };
  const parsed = parseSignature(signatureInput, signatureHeader, options.label);
  if (parsed === 'missing' || parsed === 'malformed') return { ok: false, reason: parsed };
  const { components, params, signature } = parsed;
  const keyId = params.keyid;
  if (params.alg !== '' && params.alg !== SIGNATURE_ALGORITHM)
    return { ok: false, reason: 'algorithm', keyId };
  if (options.required.some((c) => !components.includes(c)))
    return { ok: false, reason: 'components', keyId };
  if (
    options.requireNonce &&
    (params.nonce === undefined || params.nonce.length < 8 || params.nonce.length > 128)
  ) {
    return { ok: false, reason: 'components', keyId };
  }
  const window = options.windowSeconds ?? SIGNATURE_WINDOW_SECONDS;
  if (Math.abs(options.now - params.created) > window)
    return { ok: false, reason: 'expired', keyId };
  if (params.expires !== undefined && params.expires < options.now)
    return { ok: false, reason: 'expired', keyId };
  let base: string;
  try {
    base = baseFromInput(message, parsed.input);
  } catch (error) {
    if (error instanceof SignatureComponentError) return { ok: false, reason: 'components', keyId };
    throw error;
  }
  const key = await options.resolveKey(keyId);
  if (key === undefined) return { ok: false, reason: 'unknown-key', keyId };
  if (signature.byteLength !== 64) return { ok: false, reason: 'invalid', keyId };
  const valid = await globalThis.crypto.subtle.verify(
    ECDSA_SHA256,
    key,
    asBufferSource(signature),
    utf8(base),
  );
  if (!valid) return { ok: false, reason: 'invalid', keyId };
  return { ok: true, keyId, created: params.created, nonce: params.nonce, components };
}

function componentOrUndefined(message: SignableMessage, name: string): string | undefined {
  return headerValue(message.headers, name);
}

/** The base over the signer's own serialisation of the parameters, in the signer's order. */
function baseFromInput(message: SignableMessage, input: InnerList): string {
  const lines = input[0].map(([c]) => `"${String(c)}": ${componentValue(message, String(c))}`);
  lines.push(`"@signature-params": ${serializeInnerList(input)}`);
  return lines.join('\n');
}

export async function generateSigningKeyPair(extractable = false): Promise<CryptoKeyPair> {
  return globalThis.crypto.subtle.generateKey(ECDSA_P256, extractable, ['sign', 'verify']);
}

export async function exportPublicJwk(key: CryptoKey): Promise<JsonWebKey> {
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', key);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

export async function importVerifyingKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    ECDSA_P256,
    true,
    ['verify'],
  );
}
