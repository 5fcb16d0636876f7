// The `devices` section of the kiosk configuration file: which concrete device plays each
// role. Validated here so that a technician's typo is a clear message at start-up, not a
// driver failing later.
import { z } from 'zod';
import { printerProfileIds } from '../printer/profile';
import { scannerProfileIds } from '../scanner/profile';
import { usbDeviceHex } from '../../domain/hex';

const usbId = z.number().int().min(0).max(0xffff);

export const DeviceBinding = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulator') }).strict(),
  z
    .object({
      kind: z.literal('serial'),
      /** Prefer /dev/serial/by-id/…: it survives an unplug and replug. */
      path: z.string().min(1),
      baudRate: z.number().int().positive().default(115200),
      model: z.string().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('hid'),
      vendorId: usbId,
      productId: usbId,
      model: z.string().optional(),
      /** HID framing for ID card readers (the reader's own config name). */
      framing: z.string().optional(),
    })
    .strict(),
  z
    .object({ kind: z.literal('lp'), path: z.string().min(1), model: z.string().optional() })
    .strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type DeviceBinding = z.infer<typeof DeviceBinding>;

export const DevicesConfig = z
  .object({
    idcard: DeviceBinding.default({ kind: 'simulator' }),
    printer: DeviceBinding.default({ kind: 'simulator' }),
    scanner: DeviceBinding.default({ kind: 'simulator' }),
    camera: DeviceBinding.default({ kind: 'none' }),
    printerPaper: z.union([z.literal(58), z.literal(80)]).optional(),
    /** How often buses are scanned for devices that came or went. */
    discoveryIntervalMs: z.number().int().min(200).max(60_000).default(3000),
  })
  .strict()
  .superRefine((config, ctx) => {
    const model = (role: 'printer' | 'scanner', known: readonly string[]) => {
      const binding = config[role];
      if ('model' in binding && binding.model !== undefined && !known.includes(binding.model)) {
        ctx.addIssue({
          code: 'custom',
          path: [role, 'model'],
          message: `unknown ${role} model '${binding.model}' (known: ${known.join(', ')})`,
        });
      }
    };
    model('printer', printerProfileIds);
    model('scanner', scannerProfileIds);
    for (const role of ['idcard', 'scanner', 'camera'] as const) {
      if (config[role].kind === 'lp') {
        ctx.addIssue({
          code: 'custom',
          path: [role, 'kind'],
          message: `a raw printer file (lp) cannot be the ${role}`,
        });
      }
    }
    if (config.camera.kind !== 'none' && config.camera.kind !== 'simulator') {
      ctx.addIssue({
        code: 'custom',
        path: ['camera', 'kind'],
        message: 'the camera is opened by the kiosk window; bind it as none or simulator',
      });
    }
  });
export type DevicesConfig = z.infer<typeof DevicesConfig>;

/** The config or a message that says exactly what is wrong, path by path. */
export function parseDevicesConfig(input: unknown): DevicesConfig {
  const parsed = DevicesConfig.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues
    .map((i) => `devices.${i.path.join('.')}: ${i.message}`)
    .join('; ');
  throw new Error(`invalid devices configuration: ${where}`);
}

/** How a binding is shown to a technician: a path, VID:PID, 'simulator'. */
export function describeBinding(binding: DeviceBinding): string | undefined {
  switch (binding.kind) {
    case 'simulator':
      return 'simulator';
    case 'serial':
    case 'lp':
      return binding.path;
    case 'hid':
      return `hid ${usbDeviceHex(binding.vendorId, binding.productId)}`;
    case 'none':
      return undefined;
  }
}
