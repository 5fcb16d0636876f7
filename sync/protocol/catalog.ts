import { z } from 'zod';
import { FormSchema } from './form-schema';
import { Locale } from '../../domain/locale';
import { LocalizedText } from '../../domain/localized-text';
import { ServiceCode } from './service-code';

/** Services (事项), their 办事指南, form schemas and 一件事 themes, as the kiosk renders them. */

export const Audience = z.enum(['individual', 'legal-person']);
export type Audience = z.infer<typeof Audience>;

export const MaterialForm = z.enum(['original', 'copy', 'electronic']);

export const Material = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  name: LocalizedText,
  forms: z.array(MaterialForm).min(1),
  copies: z.number().int().min(0).max(20),
  required: z.boolean(),
  /** When it applies only to some applicants (e.g. 居住证 if not local). */
  condition: LocalizedText.optional(),
  /** 容缺受理: may follow later against a signed promise. */
  deferrable: z.boolean(),
  /** 告知承诺: a signed promise replaces the proof. */
  promiseAllowed: z.boolean(),
  /** Can be fetched as 电子证照 instead. */
  electronicLicence: z.boolean(),
  /** Photographed at the kiosk (高拍仪) rather than read from the ID card. */
  scan: z.boolean(),
});
export type Material = z.infer<typeof Material>;

export const TimeLimit = z.object({
  kind: z.enum(['immediate', 'on-the-spot', 'working-days', 'days', 'none']),
  value: z.number().int().min(1).max(365).optional(),
  note: LocalizedText.optional(),
});
export type TimeLimit = z.infer<typeof TimeLimit>;

export const Guide = z.object({
  /** 实施机关 */
  authority: LocalizedText,
  /** 受理条件 */
  conditions: z.array(LocalizedText),
  /** 申请材料 */
  materials: z.array(Material),
  /** 办理流程 */
  process: z.array(LocalizedText).min(1),
  legalTimeLimit: TimeLimit,
  promisedTimeLimit: TimeLimit,
  /** 收费标准 */
  fee: LocalizedText,
  free: z.boolean(),
  /** 办理地点 and hours */
  locations: z
    .array(z.object({ name: LocalizedText, address: LocalizedText, hours: LocalizedText }))
    .min(1),
  /** 跑动次数 */
  visits: z.number().int().min(0).max(10),
  consultPhone: z.string().max(40),
  complaintPhone: z.string().max(40),
  faq: z.array(z.object({ question: LocalizedText, answer: LocalizedText })),
  /** Whether 容缺受理 may be offered at all (never to applicants with bad credit records). */
  deferralNote: LocalizedText.optional(),
});
export type Guide = z.infer<typeof Guide>;

export const ServiceKind = z.enum(['application', 'print', 'query']);

export const Service = z.object({
  /** 事项编码 */
  code: ServiceCode,
  /** 业务办理项编码 */
  itemCode: ServiceCode,
  kind: ServiceKind,
  name: LocalizedText,
  summary: LocalizedText,
  audience: z.array(Audience).min(1),
  /** 1 is the most asked-for service: the home screen orders by it. */
  popularity: z.number().int().min(1),
  keywords: z.array(z.string().max(40)).max(20),
  guide: Guide,
  form: FormSchema,
  /** Identity fields the platform needs sealed in the envelope. */
  identityFields: z.array(
    z.enum(['name', 'idNumber', 'sex', 'ethnicity', 'birthDate', 'address', 'phone']),
  ),
  /** Set for a service that is itself a 一件事 bundle. */
  themeCode: z.string().optional(),
});
export type Service = z.infer<typeof Service>;

/** 一件事一次办: several items across departments, one form, one set of materials. */
export const Theme = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  name: LocalizedText,
  description: LocalizedText,
  /** The bundled items by name, whether or not each is a service of this catalogue. */
  bundledItems: z.array(LocalizedText).min(1),
  /** Catalogue services that belong to the theme; the first one is where the citizen applies. */
  serviceCodes: z.array(ServiceCode).min(1),
});
export type Theme = z.infer<typeof Theme>;

/** What an operator publishes. */
export const CatalogContent = z
  .object({
    services: z.array(Service).min(1).max(2000),
    themes: z.array(Theme).max(200),
  })
  .superRefine((catalog, ctx) => {
    const codes = new Set<string>();
    catalog.services.forEach((s, i) => {
      if (codes.has(s.code))
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'code'],
          message: 'duplicate service code',
        });
      codes.add(s.code);
      const keys = new Set<string>();
      s.form.fields.forEach((f, j) => {
        if (keys.has(f.key))
          ctx.addIssue({
            code: 'custom',
            path: ['services', i, 'form', 'fields', j, 'key'],
            message: 'duplicate field key',
          });
        keys.add(f.key);
      });
    });
    catalog.themes.forEach((t, i) =>
      t.serviceCodes.forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['themes', i, 'serviceCodes', j],
            message: 'unknown service code',
          });
      }),
    );
  });
export type CatalogContent = z.infer<typeof CatalogContent>;

export const Catalog = z.object({
  version: z.number().int().min(1),
  publishedAt: z.iso.datetime({ offset: true }),
  locales: z.array(Locale),
  services: z.array(Service),
  themes: z.array(Theme),
});
export type Catalog = z.infer<typeof Catalog>;

export function catalogEtag(version: number): string {
  return `"catalog-v${version}"`;
}
