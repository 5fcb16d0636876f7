import type { z } from 'zod';
import { Catalog, CatalogContent } from './catalog';
import { EnrolmentRequest, EnrolmentResponse } from './enrolment';
import { Envelope, EnvelopeContent } from './envelope';
import { Fleet } from './fleet';
import { MissingAttachmentsResponse, UploadBatchResponse } from './intake';
import { ApplicationProgress, LookupRequest, LookupResponse } from './lookup';
import { AdvanceStatusRequest } from './operator';
import { Problem } from './problem';
import { Rating } from './rating';
import { RatingBatchResponse } from './ratings-exchange';
import { StatusFeed } from './status-feed';
import { Heartbeat, TelemetryAck, TelemetryBatch } from './telemetry';

/** Every path of the protocol, so the two ends and the OpenAPI document cannot drift apart. */
export const PATHS = {
  openapi: '/v1/openapi.json',
  enrolments: '/v1/enrolments',
  catalog: '/v1/catalog',
  applicationsBatch: '/v1/applications/batch',
  missingAttachments: (applicationId: string) =>
    `/v1/applications/${encodeURIComponent(applicationId)}/missing-attachments`,
  attachments: '/v1/attachments',
  statusUpdates: '/v1/status-updates',
  lookup: '/v1/lookup',
  ratings: '/v1/ratings',
  telemetry: '/v1/telemetry',
  operatorFleet: '/v1/operator/fleet',
  operatorAdvance: (receiptOrId: string) =>
    `/v1/operator/applications/${encodeURIComponent(receiptOrId)}/status`,
  operatorRevoke: (kioskId: string) => `/v1/operator/kiosks/${encodeURIComponent(kioskId)}/revoke`,
} as const;

export type Auth = 'none' | 'kiosk' | 'operator';

export interface RouteSpec {
  method: 'get' | 'post' | 'head' | 'patch';
  path: string;
  summary: string;
  auth: Auth;
  request?: z.ZodType;
  /** Schema name in components for a request schema that is documented apart from its loose parse. */
  requestDoc?: string;
  /** The same request may also come as multipart/form-data (the batch upload's form). */
  requestForm?: true;
  response?: z.ZodType;
  status: number;
  query?: Record<string, { description: string; schema: Record<string, unknown> }>;
  pathParams?: string[];
  headers?: Record<string, string>;
}

/** Schemas named in the document's components. */
export const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  Problem,
  EnrolmentRequest,
  EnrolmentResponse,
  Catalog,
  CatalogContent,
  Envelope,
  EnvelopeContent,
  UploadBatchResponse,
  MissingAttachmentsResponse,
  StatusFeed,
  LookupRequest,
  LookupResponse,
  ApplicationProgress,
  Rating,
  RatingBatchResponse,
  Heartbeat,
  TelemetryBatch,
  TelemetryAck,
  Fleet,
  AdvanceStatusRequest,
};

export const ROUTES: RouteSpec[] = [
  { method: 'get', path: PATHS.openapi, summary: 'This document', auth: 'none', status: 200 },
  {
    method: 'post',
    path: PATHS.enrolments,
    summary:
      'Enrol a kiosk with a one-time code: its public signing key for a kiosk id, the HPKE key and the lookup key',
    auth: 'none',
    request: EnrolmentRequest,
    response: EnrolmentResponse,
    status: 201,
  },
  {
    method: 'get',
    path: PATHS.catalog,
    summary: 'The current catalogue; send If-None-Match with the last ETag to get 304',
    auth: 'kiosk',
    response: Catalog,
    status: 200,
    headers: { ETag: 'catalogue version tag' },
  },
  {
    method: 'post',
    path: PATHS.applicationsBatch,
    summary:
      'Upload sealed envelopes, with small sealed attachments inline; each item is answered accepted, duplicate, conflict or rejected',
    auth: 'kiosk',
    requestDoc: 'UploadBatchRequest',
    requestForm: true,
    response: UploadBatchResponse,
    status: 200,
  },
  {
    method: 'get',
    path: '/v1/applications/{applicationId}/missing-attachments',
    summary: 'Attachments an application still lacks',
    auth: 'kiosk',
    pathParams: ['applicationId'],
    response: MissingAttachmentsResponse,
    status: 200,
  },
  {
    method: 'post',
    path: PATHS.attachments,
    summary:
      'tus 1.0.0 creation of a sealed attachment upload (Upload-Metadata: applicationId, attachmentId); write-once',
    auth: 'kiosk',
    status: 201,
  },
  {
    method: 'head',
    path: '/v1/attachments/{attachmentId}',
    summary: 'tus offset of an upload',
    auth: 'kiosk',
    pathParams: ['attachmentId'],
    status: 200,
  },
  {
    method: 'patch',
    path: '/v1/attachments/{attachmentId}',
    summary:
      'tus chunk (application/offset+octet-stream); the digest is checked when the upload completes',
    auth: 'kiosk',
    pathParams: ['attachmentId'],
    status: 204,
  },
  {
    method: 'get',
    path: PATHS.statusUpdates,
    summary: 'Status updates after a cursor',
    auth: 'kiosk',
    query: {
      after: {
        description: 'cursor of the previous page, 0 to start',
        schema: { type: 'string', pattern: '^\\d{1,15}$' },
      },
      limit: {
        description: '1..500, default 100',
        schema: { type: 'integer', minimum: 1, maximum: 500 },
      },
      scope: {
        description: 'kiosk (own applications) or fleet',
        schema: { type: 'string', enum: ['kiosk', 'fleet'] },
      },
    },
    response: StatusFeed,
    status: 200,
  },
  {
    method: 'post',
    path: PATHS.lookup,
    summary: 'Progress by receipt number or by the keyed hash of an ID number',
    auth: 'kiosk',
    request: LookupRequest,
    response: LookupResponse,
    status: 200,
  },
  {
    method: 'post',
    path: PATHS.ratings,
    summary: '好差评, one per application; answered per item',
    auth: 'kiosk',
    requestDoc: 'RatingBatch',
    response: RatingBatchResponse,
    status: 200,
  },
  {
    method: 'post',
    path: PATHS.telemetry,
    summary: 'Heartbeats with device health and queue depth',
    auth: 'kiosk',
    request: TelemetryBatch,
    response: TelemetryAck,
    status: 200,
  },
  {
    method: 'get',
    path: PATHS.operatorFleet,
    summary: 'Kiosks, last seen, queue depth, device faults',
    auth: 'operator',
    response: Fleet,
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/operator/applications/{receiptOrId}/status',
    summary: 'Advance an application along the status machine',
    auth: 'operator',
    pathParams: ['receiptOrId'],
    request: AdvanceStatusRequest,
    response: ApplicationProgress,
    status: 200,
  },
  {
    method: 'post',
    path: '/v1/operator/kiosks/{kioskId}/revoke',
    summary: 'Revoke a kiosk',
    auth: 'operator',
    pathParams: ['kioskId'],
    status: 204,
  },
];
