import { Upload, type DetailedError } from 'tus-js-client';
import { toBase64Url } from '../protocol/base64';
import { encodeBatchForm } from '../protocol/batch-form';
import { sha256 } from '../protocol/bytes';
import { Catalog, catalogEtag } from '../protocol/catalog';
import { EnrolmentResponse, type EnrolmentRequest } from '../protocol/enrolment';
import {
  ATTACHMENT_METADATA,
  MissingAttachmentsResponse,
  UploadBatchResponse,
  type UploadBatchRequest,
} from '../protocol/intake';
import { LookupResponse, type LookupRequest } from '../protocol/lookup';
import { Problem } from '../protocol/problem';
import type { Rating } from '../protocol/rating';
import { RatingBatchResponse } from '../protocol/ratings-exchange';
import { PATHS } from '../protocol/routes';
import { StatusFeed } from '../protocol/status-feed';
import { TelemetryAck, type Heartbeat } from '../protocol/telemetry';
import type { EnvelopeAnswer } from './delivery-outcome';
import { failureOf } from './http-failure';
import type { KioskHttp } from './kiosk-http';
import type { OutboxAttachment, OutboxEntry } from './outbox-entry';
import { DeliveryFailure, type PlatformPort } from './platform-port';
import { byteArrayReader } from './tus-byte-source';
import { SignedTusStack } from './tus-http-stack';

/** One sealed attachment goes up in a single tus request when it is no larger than this. */
const TUS_CHUNK_BYTES = 4 * 1024 * 1024;

export type RatingAnswer = 'accepted' | 'duplicate' | 'deferred' | 'rejected';

/** The platform over HTTP: the drain's port plus the pulls and pushes of the sync engine. */
export class HttpPlatform implements PlatformPort {
  constructor(readonly http: KioskHttp) {}

  async enrol(request: EnrolmentRequest): Promise<EnrolmentResponse> {
    const response = await this.http.json('POST', PATHS.enrolments, request);
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    return EnrolmentResponse.parse(await response.json());
  }

  async submitEnvelopes(
    entries: readonly OutboxEntry[],
    inline: readonly OutboxAttachment[] = [],
  ): Promise<Map<string, EnvelopeAnswer>> {
    const request: UploadBatchRequest = { envelopes: entries.map((entry) => entry.envelope) };
    let response: Response;
    if (inline.length === 0) {
      response = await this.http.json('POST', PATHS.applicationsBatch, request);
    } else {
      const form = encodeBatchForm(
        request,
        inline.map((a) => ({ id: a.id, data: a.sealed })),
      );
      response = await this.http.send({
        method: 'POST',
        url: PATHS.applicationsBatch,
        body: form.body,
        headers: { 'content-type': form.contentType },
      });
    }
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    const { results } = UploadBatchResponse.parse(await response.json());
    const answers = new Map<string, EnvelopeAnswer>();
    for (const result of results) {
      const entry = entries[result.index];
      if (!entry || (result.id !== undefined && result.id !== entry.id)) continue;
      switch (result.outcome) {
        case 'accepted':
        case 'duplicate':
          answers.set(entry.id, {
            kind: 'stored',
            duplicate: result.outcome === 'duplicate',
            missingAttachments: result.missingAttachments ?? [],
            ...(result.receiptNumber ? { platformNumber: result.receiptNumber } : {}),
          });
          break;
        case 'conflict':
        case 'rejected':
          answers.set(entry.id, {
            kind: 'rejected',
            reason: `${result.outcome}: ${result.problem?.code ?? 'no reason given'}`,
          });
          break;
      }
    }
    return answers;
  }

  async uploadAttachment(
    attachment: OutboxAttachment,
    onUploadUrl: (url: string) => Promise<void>,
  ): Promise<void> {
    let run = await this.tusUpload(attachment, attachment.uploadUrl);
    if (run === 'exists') {
      // An earlier attempt created the upload (cut connection, killed kiosk, or simply a batch
      // that failed later). The protocol fixes where it lives: resume there, and note it so a
      // further attempt goes straight to the resume.
      const url = this.http.resolve(
        `${PATHS.attachments}/${encodeURIComponent(attachment.id)}`,
      ).href;
      await onUploadUrl(url);
      run = await this.tusUpload(attachment, url);
      if (run === 'exists')
        throw new DeliveryFailure({
          kind: 'transient',
          reason: 'upload: the platform holds an upload it will not resume',
        });
    }
    if (
      run === 'found-full' &&
      (await this.missingAttachments(attachment.envelopeId)).has(attachment.id)
    )
      // Every byte is there but the platform never completed the upload (it stopped between
      // storing the last chunk and checking the digest). Acknowledging now would lose the
      // application; keep it queued and say why.
      throw new DeliveryFailure({
        kind: 'transient',
        reason: 'upload: the platform holds every byte but has not completed the attachment',
      });
  }

  async missingAttachments(applicationId: string): Promise<Set<string>> {
    const response = await this.http.send({
      method: 'GET',
      url: PATHS.missingAttachments(applicationId),
    });
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    return new Set(MissingAttachmentsResponse.parse(await response.json()).missing);
  }

  /**
   * One tus run: create or resume, then send what is missing. `sent` when the platform took
   * the last byte in this run (it checks the digest before answering), `complete` when it said
   * the attachment was complete already, `found-full` when a resumed upload already held every
   * byte, `exists` when creation was refused because the upload exists.
   */
  private tusUpload(
    attachment: OutboxAttachment,
    uploadUrl: string | undefined,
  ): Promise<'sent' | 'complete' | 'found-full' | 'exists'> {
    return new Promise((resolve, reject) => {
      let sentBytes = false;
      const upload = new Upload(attachment.sealed as unknown as Blob, {
        endpoint: this.http.resolve(PATHS.attachments).href,
        ...(uploadUrl ? { uploadUrl } : {}),
        metadata: {
          [ATTACHMENT_METADATA.applicationId]: attachment.envelopeId,
          [ATTACHMENT_METADATA.attachmentId]: attachment.id,
        },
        uploadSize: attachment.sealed.byteLength,
        chunkSize: TUS_CHUNK_BYTES,
        // The platform implements tus `creation` only and ignores a body on POST: sending the
        // bytes there too would hash, sign and carry every attachment twice.
        uploadDataDuringCreation: false,
        retryDelays: null,
        storeFingerprintForResuming: false,
        removeFingerprintOnSuccess: false,
        httpStack: new SignedTusStack(this.http),
        fileReader: byteArrayReader,
        // The new upload's URL is not written down: the protocol fixes it
        // (/v1/attachments/<attachmentId>), and a creation the platform refuses as existing is
        // resumed there (see uploadAttachment). That saves a durable write per attachment.
        onChunkComplete: () => {
          sentBytes = true;
        },
        onSuccess: () => resolve(sentBytes ? 'sent' : 'found-full'),
        onError: (error) => void uploadError(error, attachment).then(resolve, reject),
      });
      upload.start();
    });
  }

  /** The catalogue if newer than `etag`; undefined when unchanged. */
  async catalog(version?: number): Promise<{ catalog: Catalog; etag: string } | undefined> {
    const headers: Record<string, string> = version
      ? { 'if-none-match': catalogEtag(version) }
      : {};
    const response = await this.http.send({ method: 'GET', url: PATHS.catalog, headers });
    if (response.status === 304) return undefined;
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    const catalog = Catalog.parse(await response.json());
    return { catalog, etag: response.headers.get('etag') ?? catalogEtag(catalog.version) };
  }

  async statusUpdates(after: string, limit = 200): Promise<StatusFeed> {
    const query = new URLSearchParams({ after, limit: String(limit), scope: 'fleet' });
    const response = await this.http.send({
      method: 'GET',
      url: `${PATHS.statusUpdates}?${query}`,
    });
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    return StatusFeed.parse(await response.json());
  }

  async lookup(request: LookupRequest): Promise<LookupResponse> {
    const response = await this.http.json('POST', PATHS.lookup, request);
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    return LookupResponse.parse(await response.json());
  }

  async submitRatings(ratings: readonly Rating[]): Promise<Map<string, RatingAnswer>> {
    const response = await this.http.json('POST', PATHS.ratings, { ratings });
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    const { results } = RatingBatchResponse.parse(await response.json());
    const answers = new Map<string, RatingAnswer>();
    for (const result of results) {
      const rating = ratings[result.index];
      if (rating) answers.set(rating.id, result.outcome);
    }
    return answers;
  }

  async submitTelemetry(heartbeats: readonly Heartbeat[]): Promise<number> {
    const response = await this.http.json('POST', PATHS.telemetry, { heartbeats });
    if (!response.ok) throw new DeliveryFailure(await failureOf(response));
    return TelemetryAck.parse(await response.json()).stored;
  }

  /** Reachability: any HTTP answer at all means the platform is there. */
  async probe(timeoutMs = 5_000): Promise<boolean> {
    try {
      await this.http.send({ method: 'HEAD', url: PATHS.openapi, timeoutMs });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * What a failed tus run means. A complete attachment is what we wanted; an existing upload
 * is resumed; a discarded upload (digest mismatch) is sent again unless the bytes on this
 * kiosk are themselves not the declared ones, which no retry can mend.
 */
async function uploadError(
  error: Error | DetailedError,
  attachment: OutboxAttachment,
): Promise<'complete' | 'exists'> {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response)
    throw new DeliveryFailure({
      kind: 'transient',
      reason: `upload: ${error.message.split('\n')[0]}`,
    });
  const status = response.getStatus();
  let body: unknown;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = undefined;
  }
  const parsed = Problem.safeParse(body);
  const code = parsed.success ? parsed.data.code : undefined;
  if (code === 'attachment-complete') return 'complete';
  if (code === 'attachment-exists') return 'exists';
  if (code === 'attachment-digest-mismatch') {
    if (toBase64Url(await sha256(attachment.sealed)) === attachment.sha256)
      throw new DeliveryFailure({ kind: 'transient', reason: `upload HTTP ${status} ${code}` });
    throw new DeliveryFailure({
      kind: 'rejected',
      reason: 'upload: the sealed attachment on this kiosk does not match its declared digest',
    });
  }
  const underlying = response.getUnderlyingObject() as Response;
  const failure = await failureOf(
    new Response(JSON.stringify(body ?? null), { status, headers: underlying.headers }),
  );
  throw new DeliveryFailure(
    failure.kind === 'batch-refused'
      ? { kind: 'rejected', reason: `upload ${failure.reason}` }
      : failure,
  );
}
