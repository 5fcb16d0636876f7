// The one contract of `window.kiosk`: every call and event between the renderer and the
// device host, as zod schemas. Both ends derive their types from here, and the host
// validates every argument against it, whatever transport carried the message.
import { z } from 'zod';

// ---------------------------------------------------------------------------------------
// Values

export const CardType = z.enum(['resident', 'hmt-permit', 'foreigner-2017', 'foreigner-2023']);
export type CardType = z.infer<typeof CardType>;

export const Sex = z.enum(['unknown', 'male', 'female', 'unspecified']);

/** What the chip of an identity card says, decoded. Lives in renderer memory only. */
export const Identity = z.object({
  cardType: CardType,
  /** Chinese name (for foreigners' cards, the Chinese name if any, else the English one). */
  name: z.string(),
  nameEn: z.string().optional(),
  sex: Sex,
  nationCode: z.string().optional(),
  nation: z.string().optional(),
  nationality: z.string().optional(),
  birthDate: z.string(),
  address: z.string().optional(),
  idNumber: z.string(),
  /** GB 11643 check of idNumber: reported, never thrown. */
  idNumberValid: z.boolean(),
  issuer: z.string().optional(),
  validFrom: z.string().optional(),
  /** YYYY-MM-DD, or '长期' for a card that does not expire. */
  validTo: z.string().optional(),
  permitNumber: z.string().optional(),
  issueCount: z.string().optional(),
  /** WLT photo, base64; opaque, kept in memory only, never stored. */
  photoWlt: z.string().optional(),
});
export type Identity = z.infer<typeof Identity>;

export const DeviceRole = z.enum(['idcard', 'printer', 'scanner', 'camera']);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const HealthState = z.enum(['connected', 'degraded', 'disconnected', 'unconfigured']);
export type HealthState = z.infer<typeof HealthState>;

export const DeviceHealth = z.object({
  role: DeviceRole,
  state: HealthState,
  /** What is bound to the role: a serial path, a HID VID:PID, 'simulator', … */
  device: z.string().optional(),
  model: z.string().optional(),
  /** Why it is not connected, in words for a technician. */
  reason: z.string().optional(),
  since: z.string(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const PrinterState = z.enum([
  'ready',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'cutter-error',
  'offline',
]);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrinterStatus = z.object({
  state: PrinterState,
  online: z.boolean(),
  paperOut: z.boolean(),
  paperNearEnd: z.boolean(),
  coverOpen: z.boolean(),
  cutterError: z.boolean(),
  model: z.string().optional(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

/** A printed document as structure; the host renders it to the printer's bytes. */
export const ReceiptBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('title'), text: z.string().max(200) }),
  z.object({
    kind: z.literal('text'),
    text: z.string().max(2000),
    align: z.enum(['left', 'center', 'right']).optional(),
    bold: z.boolean().optional(),
    size: z.enum(['normal', 'double']).optional(),
  }),
  z.object({ kind: z.literal('kv'), key: z.string().max(200), value: z.string().max(2000) }),
  z.object({ kind: z.literal('rule') }),
  z.object({
    kind: z.literal('qr'),
    data: z.string().min(1).max(1000),
    size: z.number().int().min(1).max(16).optional(),
  }),
  z.object({ kind: z.literal('barcode'), data: z.string().min(1).max(100) }),
  z.object({ kind: z.literal('feed'), lines: z.number().int().min(0).max(20) }),
  z.object({ kind: z.literal('cut') }),
]);
export type ReceiptBlock = z.infer<typeof ReceiptBlock>;

export const ReceiptDocument = z.object({ blocks: z.array(ReceiptBlock).max(500) });
export type ReceiptDocument = z.infer<typeof ReceiptDocument>;

/**
 * The 受理回执 as data. The renderer masks the name and ID number before they cross the
 * bridge: the host never needs them in clear to print a receipt.
 */
export const AcceptanceReceipt = z.object({
  serviceName: z.string(),
  serviceCode: z.string(),
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  receiptNumber: z.string(),
  submittedAt: z.string(),
  kioskId: z.string(),
  materialsSubmitted: z.array(z.string()),
  materialsMissing: z.array(z.object({ name: z.string(), deadline: z.string() })),
  progressUrl: z.string(),
  hotline: z.string(),
  /** 'submitted' once the platform acknowledged; 'queued' while it waits in the outbox. */
  deliveryState: z.enum(['submitted', 'queued']),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type AcceptanceReceipt = z.infer<typeof AcceptanceReceipt>;

export const PrintResult = z.object({ jobId: z.string(), bytes: z.number().int() });

export const ReaderStatus = z.object({
  state: z.enum(['idle', 'card-present', 'reading', 'error', 'disconnected']),
  device: z.string().optional(),
  samId: z.string().optional(),
  lastError: z.string().optional(),
});

export const KioskMode = z.enum(['electron', 'web']);

/** What the renderer needs to know to run; no secrets but a demo enrolment code. */
export const KioskConfig = z.object({
  mode: KioskMode,
  demo: z.boolean(),
  roomName: z.string(),
  platformUrl: z.string(),
  /** One-time enrolment code, present until the kiosk has enrolled (demo and first run). */
  enrolmentCode: z.string().optional(),
  locale: z.enum(['zh-CN', 'en']),
  hotline: z.string(),
  idleTimeoutSeconds: z.number().int().min(30),
  /** Only in demo mode on loopback: where the simulator control listens. */
  simulatorControlUrl: z.string().optional(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

export const ConfigPatch = KioskConfig.pick({
  roomName: true,
  platformUrl: true,
  locale: true,
  hotline: true,
  idleTimeoutSeconds: true,
}).partial();

const Token = z.object({ token: z.string().min(1) });
const None = z.object({}).strict().default({});
const Ok = z.object({ ok: z.literal(true) });

// ---------------------------------------------------------------------------------------
// Calls: 'namespace.method' → argument and result schemas. `admin` calls carry a token
// that only technician.login yields.

export const methods = {
  'idcard.status': { args: None, result: ReaderStatus },
  'idcard.readOnce': {
    args: z
      .object({ timeoutMs: z.number().int().min(100).max(60_000).default(10_000) })
      .strict()
      .default({ timeoutMs: 10_000 }),
    result: Identity,
  },

  'printer.status': { args: None, result: PrinterStatus },
  'printer.print': { args: z.object({ document: ReceiptDocument }).strict(), result: PrintResult },
  'printer.printAcceptanceReceipt': {
    args: z.object({ receipt: AcceptanceReceipt }).strict(),
    result: PrintResult,
  },
  'printer.printTestPage': { args: Token.strict(), result: PrintResult, admin: true },

  'scanner.status': {
    args: None,
    result: z.object({ state: HealthState, device: z.string().optional() }),
  },

  'devices.list': { args: None, result: z.array(DeviceHealth) },
  'devices.discover': {
    args: Token.strict(),
    result: z.object({
      serial: z.array(
        z.object({
          path: z.string(),
          manufacturer: z.string().optional(),
          vendorId: z.string().optional(),
          productId: z.string().optional(),
          serialNumber: z.string().optional(),
          byId: z.string().optional(),
        }),
      ),
      hid: z.array(
        z.object({
          path: z.string().optional(),
          vendorId: z.number().int(),
          productId: z.number().int(),
          product: z.string().optional(),
          manufacturer: z.string().optional(),
          usagePage: z.number().int().optional(),
          usage: z.number().int().optional(),
        }),
      ),
    }),
    admin: true,
  },

  'config.get': { args: None, result: KioskConfig },
  'config.set': {
    args: Token.extend({ patch: ConfigPatch }).strict(),
    result: KioskConfig,
    admin: true,
  },

  'technician.login': {
    args: z.object({ pin: z.string().regex(/^\d{4,12}$/) }).strict(),
    result: z.object({ token: z.string(), expiresAt: z.string() }),
  },
  'technician.logout': { args: Token.strict(), result: Ok },

  'system.ping': {
    args: None,
    result: z.object({ pong: z.literal(true), hostStartedAt: z.string() }),
  },
  'system.info': {
    args: None,
    result: z.object({
      version: z.string(),
      mode: KioskMode,
      demo: z.boolean(),
      hostStartedAt: z.string(),
      platform: z.string(),
      arch: z.string(),
    }),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType; admin?: boolean }>;

export type MethodName = keyof typeof methods;
export type MethodArgs<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<(typeof methods)[M]['result']>;

// ---------------------------------------------------------------------------------------
// Events from the host.

export const events = {
  'idcard.cardPresent': z.object({ identity: Identity }),
  'idcard.cardRemoved': z.object({}),
  'idcard.error': z.object({
    code: z.string(),
    /** English, for logs; a UI says it in its own words from key and params. */
    message: z.string(),
    /** A device.* key of domain/i18n/device-messages.ts. */
    key: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
  }),
  'scanner.scanned': z.object({ text: z.string().max(4096), symbology: z.string().optional() }),
  'printer.status': PrinterStatus,
  'devices.health': DeviceHealth,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

// ---------------------------------------------------------------------------------------
// Errors every call may end in. Typed, so the UI can say something sensible.

export const ErrorCode = z.enum([
  'UNKNOWN_METHOD',
  'INVALID_ARGUMENT',
  'HOST_UNAVAILABLE',
  'TIMEOUT',
  'UNAUTHORIZED',
  'LOCKED_OUT',
  'DEVICE_UNAVAILABLE',
  'DEVICE_ERROR',
  'PRINTER_NOT_READY',
  'NO_CARD',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type WireError = z.infer<typeof WireError>;

export class KioskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'KioskError';
  }
  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

// ---------------------------------------------------------------------------------------
// The messages on the port.

export const RequestMessage = z.object({
  t: z.literal('req'),
  id: z.number().int(),
  method: z.string(),
  args: z.unknown(),
});
export const ResponseMessage = z.union([
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ t: z.literal('res'), id: z.number().int(), ok: z.literal(false), error: WireError }),
]);
export const EventMessage = z.object({
  t: z.literal('evt'),
  event: z.string(),
  payload: z.unknown(),
});
export const WireMessage = z.union([RequestMessage, ResponseMessage, EventMessage]);
export type RequestMessage = z.infer<typeof RequestMessage>;
export type ResponseMessage = z.infer<typeof ResponseMessage>;
export type EventMessage = z.infer<typeof EventMessage>;
export type WireMessage = z.infer<typeof WireMessage>;

// ---------------------------------------------------------------------------------------
// The shape of `window.kiosk`, derived from `methods`.

type Namespace<M> = M extends `${infer N}.${string}` ? N : never;
type MemberOf<M, N extends string> = M extends `${N}.${infer Rest}` ? Rest : never;

type Call<M> = M extends MethodName ? (args?: MethodArgs<M>) => Promise<MethodResult<M>> : never;

export type ConnectionState = 'connected' | 'reconnecting';

export type KioskApi = {
  [N in Namespace<MethodName>]: {
    [K in MemberOf<MethodName, N>]: Call<`${N}.${K}`>;
  };
} & {
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /** The link to the device host: 'reconnecting' while it restarts. */
  connection: {
    state(): ConnectionState;
    onChange(handler: (state: ConnectionState) => void): () => void;
  };
};

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
