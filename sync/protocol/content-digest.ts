import { parseDictionary, serializeDictionary } from 'structured-headers';
import { sha256 } from './bytes';

/** RFC 9530 Content-Digest with sha-256, the only algorithm this protocol sends or accepts. */
export async function contentDigest(body: Uint8Array): Promise<string> {
  const digest = await sha256(body);
  return serializeDictionary({ 'sha-256': digest.buffer as ArrayBuffer });
}

export type DigestCheck = 'ok' | 'missing' | 'malformed' | 'mismatch';

export async function checkContentDigest(
  header: string | undefined,
  body: Uint8Array,
): Promise<DigestCheck> {
  if (header === undefined || header === '') return 'missing';
  let declared: ArrayBuffer;
  try {
    const entry = parseDictionary(header).get('sha-256');
    if (entry === undefined || Array.isArray(entry[0]) || !(entry[0] instanceof ArrayBuffer))
      return 'missing';
    declared = entry[0];
  } catch {
    return 'malformed';
  }
  const actual = await sha256(body);
  const expected = new Uint8Array(declared);
  if (expected.byteLength !== actual.byteLength) return 'mismatch';
  let diff = 0;
  for (let i = 0; i < actual.byteLength; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0 ? 'ok' : 'mismatch';
}
