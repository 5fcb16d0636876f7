import type { FastifyInstance } from 'fastify';
import { BATCH_FORM_TYPE } from '../../protocol/batch-form';
import { MAX_BATCH_BODY_BYTES, UploadBatchRequest } from '../../protocol/intake';
import type { MissingAttachmentsResponse } from '../../protocol/intake';
import { PATHS } from '../../protocol/routes';
import { parseBatchForm } from '../batch-form-parser';
import type { CatalogStore } from '../catalog-store';
import { chinaDate } from '../clock';
import type { Clock } from '../clock';
import type { Database } from '../database';
import type { EnvelopeChecker } from '../envelope-check-pool';
import { parseOr400 } from '../http-conventions';
import { receiveInline, receiveInlineBytes } from '../inline-attachments';
import { missingAttachments, receiveBatch } from '../intake';
import { ProblemError } from '../problem-error';
import { KIOSK_ROUTE, kioskOf } from '../route-auth';

/** Sealed applications in batches (JSON or multipart), and what each still lacks. */
export function registerApplicationRoutes(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; catalogs: CatalogStore; checker: EnvelopeChecker },
): void {
  const { db, clock, catalogs, checker } = deps;

  app.post(
    PATHS.applicationsBatch,
    { ...KIOSK_ROUTE, bodyLimit: MAX_BATCH_BODY_BYTES },
    async (request) => {
      const contentType = request.headers['content-type'] ?? '';
      const form = contentType.startsWith(BATCH_FORM_TYPE)
        ? await parseBatchForm(request.rawBody ?? Buffer.alloc(0), contentType)
        : undefined;
      const body = parseOr400(UploadBatchRequest, form ? form.batch : request.body);
      if (form && body.attachments !== undefined)
        throw new ProblemError(
          'invalid-request',
          400,
          'a multipart batch carries its attachments as parts, not in the batch JSON',
        );
      const inline = form ? receiveInlineBytes(form.attachments) : receiveInline(body.attachments);
      const kiosk = kioskOf(request);
      const current = await catalogs.current();
      const results = await receiveBatch(
        { db, clock, checker, log: request.log },
        {
          kioskId: kiosk.id,
          items: body.envelopes,
          context: {
            receiptPrefix: kiosk.receiptPrefix,
            catalog: current,
            today: chinaDate(clock.now()),
          },
          inline,
        },
      );
      return { results };
    },
  );

  app.get<{ Params: { applicationId: string } }>(
    '/v1/applications/:applicationId/missing-attachments',
    KIOSK_ROUTE,
    async (request) => {
      const { applicationId } = request.params;
      const owner = await db.query<{ kiosk_id: string }>(
        'SELECT kiosk_id FROM applications WHERE id = $1',
        [applicationId],
      );
      if (owner[0]?.kiosk_id !== kioskOf(request).id)
        throw new ProblemError('application-not-found', 404, 'no such application from this kiosk');
      const missing = await missingAttachments(db, [applicationId]);
      const response: MissingAttachmentsResponse = {
        applicationId,
        missing: missing.get(applicationId) ?? [],
      };
      return response;
    },
  );
}
