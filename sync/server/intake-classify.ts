import type { BatchItemResult } from '../protocol/intake';
import { rejectedItem } from './batch-item-result';
import type { CheckedEnvelope, EnvelopeCheckOutcome } from './envelope-check';
import { inlineFor } from './inline-attachments';
import type { ReceivedInline } from './inline-attachments';

/** An item that passed every check of its own, with the inline attachments it declares. */
export interface PassedItem {
  index: number;
  checked: CheckedEnvelope;
  inline: Map<string, Buffer>;
  /** The item's fingerprint as it came (see intake.ts), stored to recognise a resend. */
  fingerprint: string | undefined;
}

export interface ClassifiedBatch {
  rejected: BatchItemResult[];
  passed: PassedItem[];
  /** Items whose check threw something other than a problem: a bug, for the log. */
  unexpected: Array<{ index: number; err: string }>;
}

/**
 * Sorts a batch by the checker's verdicts: an item passes when its envelope checked and its
 * inline attachments are what the envelope declares; else it is rejected with the reason.
 */
export function classifyItems(input: {
  items: readonly unknown[];
  verdicts: readonly EnvelopeCheckOutcome[];
  fingerprints: ReadonlyArray<string | undefined>;
  inline: ReadonlyMap<string, ReceivedInline>;
}): ClassifiedBatch {
  const batch: ClassifiedBatch = { rejected: [], passed: [], unexpected: [] };
  input.verdicts.forEach((verdict, index) => {
    const item = input.items[index];
    if (verdict.ok) {
      const attached = inlineFor(verdict.checked.envelope.attachments, input.inline);
      if (attached.ok)
        batch.passed.push({
          index,
          checked: verdict.checked,
          inline: attached.attachments,
          fingerprint: input.fingerprints[index],
        });
      else batch.rejected.push(rejectedItem(index, item, attached.problem));
      return;
    }
    if (verdict.unexpected !== undefined) batch.unexpected.push({ index, err: verdict.unexpected });
    batch.rejected.push(rejectedItem(index, item, verdict.problem));
  });
  return batch;
}
