// The HID framings known by name, for the technician's configuration.
import type { HidFraming } from './framing';
import { createMiaxisFraming } from './miaxis';

export type { HidFraming } from './framing';

export const HID_FRAMINGS: Record<string, () => HidFraming> = {
  miaxis: createMiaxisFraming,
};

export function hidFraming(name: string): HidFraming {
  const create = HID_FRAMINGS[name];
  if (!create)
    throw new Error(
      `unknown HID framing '${name}' (known: ${Object.keys(HID_FRAMINGS).join(', ')})`,
    );
  return create();
}
