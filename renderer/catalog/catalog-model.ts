// The renderer's view of the catalogue: what the screens need to show a service, its guide,
// its materials and its form. The platform's wire schema (sync/protocol) is mapped onto this
// in one place (catalog-from-protocol.ts), so a change on the wire touches no screen.

import type { Locale } from '../../domain/locale';

/** Text in both languages; English may be missing and then falls back to Chinese. */
export interface LocalText {
  'zh-CN': string;
  en?: string;
}

export function localText(text: LocalText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}

export type Audience = 'personal' | 'legal';

export type MaterialForm = 'original' | 'copy' | 'electronic';

export interface MaterialSpec {
  id: string;
  name: LocalText;
  form: MaterialForm;
  copies: number;
  required: boolean;
  /** 容缺受理: may be supplied later, within `deferDays` (working days). */
  deferrable: boolean;
  deferDays?: number;
  /** 告知承诺: a signed promise replaces the proof. */
  byCommitment: boolean;
  /** Photographed at the kiosk with the document camera. */
  scan: boolean;
  /** The ID card itself, which the reader reads: nothing to photograph. */
  fromIdCard?: boolean;
  /** When it applies only to some applicants, or other words for the citizen. */
  note?: LocalText;
}

export type FieldType =
  'text' | 'number' | 'date' | 'choice' | 'address' | 'phone' | 'idNumber' | 'signature';

/** Which part of the read identity fills a field. */
export type PrefillSource = 'name' | 'idNumber' | 'sex' | 'birthDate' | 'address' | 'nation';

export interface FieldOption {
  value: string;
  label: LocalText;
}

export interface FormField {
  id: string;
  type: FieldType;
  label: LocalText;
  required: boolean;
  options?: FieldOption[];
  /** A choice that takes several answers. */
  multiple?: boolean;
  prefill?: PrefillSource;
  /** Prefilled from the card and not to be changed by hand. */
  readOnly?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  notAfterToday?: boolean;
  maxLength?: number;
  help?: LocalText;
}

export interface FaqEntry {
  question: LocalText;
  answer: LocalText;
}

export interface TimeLimit {
  kind: 'immediate' | 'on-the-spot' | 'working-days' | 'days' | 'none';
  value?: number;
  note?: LocalText;
}

export interface ServiceLocation {
  name: LocalText;
  address: LocalText;
  hours: LocalText;
}

export interface ServiceGuide {
  authority: LocalText;
  conditions: LocalText[];
  process: LocalText[];
  legalLimit: TimeLimit;
  promisedLimit: TimeLimit;
  fee: LocalText;
  locations: ServiceLocation[];
  visits: number;
  consultPhone: string;
  complaintPhone: string;
  faq: FaqEntry[];
}

export interface IdentifyMethods {
  card: boolean;
  eid: boolean;
  /** Typing the ID number by hand: only where the service allows it. */
  manual: boolean;
}

/** application: the full journey; print: a certificate printed; query: 进度查询. */
export type ServiceKind = 'application' | 'print' | 'query';

export interface Service {
  code: string;
  itemCode?: string;
  kind: ServiceKind;
  name: LocalText;
  summary?: LocalText;
  audience: Audience[];
  themeIds: string[];
  keywords: string[];
  /** Higher first in the catalogue. */
  popularity: number;
  /** False for a service a kiosk cannot do: the guide then says where to go instead. */
  kioskCapable: boolean;
  elsewhere?: LocalText;
  /** 一件事: the items bundled into this one application. */
  bundles?: LocalText[];
  identify: IdentifyMethods;
  guide: ServiceGuide;
  materials: MaterialSpec[];
  form: FormField[];
  /** 告知承诺 text the applicant accepts and signs, where the service uses it. */
  commitment?: LocalText;
}

export interface Theme {
  id: string;
  name: LocalText;
  serviceCodes: string[];
}

export interface Catalog {
  version: string;
  services: Service[];
  themes: Theme[];
}
