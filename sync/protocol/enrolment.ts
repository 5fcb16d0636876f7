import { z } from 'zod';

export const EcPublicJwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type EcPublicJwk = z.infer<typeof EcPublicJwk>;

/** One-time codes look like `7KQ3-M9XD-2HFP`: typed by a technician on site. */
export const EnrolmentCode = z
  .string()
  .regex(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/, 'not an enrolment code');

export const EnrolmentRequest = z.object({
  code: EnrolmentCode,
  publicKey: EcPublicJwk,
  /** Where the kiosk stands, for the fleet view; never personal data. */
  label: z.string().max(100).optional(),
  appVersion: z.string().max(40).optional(),
});
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentResponse = z.object({
  kioskId: z.string(),
  /** Prefix of this kiosk's receipt numbers. */
  receiptPrefix: z.string(),
  /** HPKE public key: base64url of the raw P-256 point. */
  platformEncryptionKey: z.string(),
  hpkeSuite: z.string(),
  /** Verifies the platform's signed responses; keyid `platformKeyId`. */
  platformSigningKey: EcPublicJwk,
  platformKeyId: z.string(),
  /** base64 of 32 random bytes: the fleet's HMAC key for idHash. */
  lookupKey: z.string(),
  signatureWindowSeconds: z.number().int(),
});
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;
