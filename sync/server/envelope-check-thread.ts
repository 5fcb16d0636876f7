import { parentPort, workerData } from 'node:worker_threads';
import type { Service } from '../protocol/catalog';
import { HPKE_INFO_ENVELOPE } from '../protocol/seal';
import { envelopeCheckOutcome } from './envelope-check';
import type { CheckReply, CheckThreadMessage, EnvelopeKeys } from './envelope-check-pool';
import { createNativeOpener } from './hpke-native-open';

/** One thread of the envelope check pool: the catalogue arrives before the batches that need it. */

const keys = workerData as EnvelopeKeys;
const opener = createNativeOpener(keys.hpkePrivateRaw, keys.hpkePublicRaw, HPKE_INFO_ENVELOPE);
let services = new Map<string, Service>();

parentPort!.on('message', (message: CheckThreadMessage) => {
  if (message.kind === 'catalog') {
    services = new Map(message.services.map((s) => [s.code, s]));
    return;
  }
  const context = {
    receiptPrefix: message.receiptPrefix,
    today: message.today,
    service: (code: string) => services.get(code),
    opener,
    lookupKey: keys.lookupKey,
  };
  const reply: CheckReply = {
    job: message.job,
    outcomes: message.items.map((item) => envelopeCheckOutcome(item, context)),
  };
  parentPort!.postMessage(reply);
});
