import type { Service } from '../../sync/protocol/catalog';
import { DEMO_CATALOG } from '../../sync/protocol/demo-catalog';

// The demo catalogue as the journeys walk it: every service with a form is applied for, once
// online and once offline; the progress lookup, which has none, has its own journey.

export function demoService(code: string): Service {
  const service = DEMO_CATALOG.services.find((s) => s.code === code);
  if (!service) throw new Error(`no demo service ${code}`);
  return service;
}

export const SERVICE_CODES = {
  socialInsuranceProof: '000131128000',
  medicalInsurance: '000131137000',
  realEstateEnquiry: '000171021000',
  residencePermit: '000104113000',
  soleProprietorship: '000148001000',
  newborn: '000110050000',
  housingFund: '000125002000',
  seniorCard: '000128005000',
  socialSecurityCard: '000131150000',
  progressLookup: 'progress-lookup',
} as const;

/** A folder-safe name for a service's screenshots: its English name, lower case. */
export function serviceSlug(service: Service): string {
  return service.name.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Every service of the demo catalogue a citizen applies for with a form. */
export const SERVICES_WITH_A_FORM: readonly Service[] = DEMO_CATALOG.services.filter(
  (s) => s.form.fields.length > 0,
);
