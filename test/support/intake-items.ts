import type { AttachmentRef } from '../../sync/protocol/envelope';
import type { CheckedEnvelope } from '../../sync/server/envelope-check';
import type { PassedItem } from '../../sync/server/intake-classify';

/**
 * Checked envelopes and passed batch items for intake's pure steps, without sealing anything;
 * their headers pass the protocol's schema.
 */

export function receiptNumber(n: number): string {
  return `KABCDE-20261204-${String(n).padStart(4, '0')}`;
}

export function attachmentRef(n: number, size = 10): AttachmentRef {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    size,
    sha256: `sha${String(n).padStart(40, '0')}`,
  };
}

export function checkedEnvelope(
  n: number,
  overrides: { receiptNumber?: string; contentHash?: string; attachments?: AttachmentRef[] } = {},
): CheckedEnvelope {
  return {
    envelope: {
      id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      serviceCode: '000131150000',
      createdAt: '2026-12-04T10:00:00+08:00',
      receiptNumber: overrides.receiptNumber ?? receiptNumber(n),
      idHash: 'h'.repeat(43),
      attachments: overrides.attachments ?? [],
    },
    contentJson: `{"n":${n}}`,
    contentHash: overrides.contentHash ?? `content-${n}`,
  };
}

export function passedItem(
  index: number,
  checked: CheckedEnvelope,
  inline: Map<string, Buffer> = new Map(),
): PassedItem {
  return { index, checked, inline, fingerprint: `fingerprint-${index}` };
}
