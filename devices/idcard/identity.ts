// From the chip's base info to the bridge contract's Identity.
import { Buffer } from 'node:buffer';
import type { Identity } from '../bridge/contract';
import type { BaseInfo } from './base-info';
import { parseTextBlock } from './text-block';

export type IdentityResult = { ok: true; identity: Identity } | { ok: false; message: string };

export function identityFromBaseInfo(info: BaseInfo): IdentityResult {
  const parsed = parseTextBlock(info.text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { idNumberCheck, cardVersion: _version, previousCardLink: _link, ...text } = parsed.text;
  return {
    ok: true,
    identity: {
      ...text,
      idNumberValid: idNumberCheck.valid,
      ...(info.photo.length > 0 ? { photoWlt: Buffer.from(info.photo).toString('base64') } : {}),
    },
  };
}
