// The platform's catalogue (sync/protocol/catalog.ts) mapped onto the renderer's view of it.
// Where the wire says nothing the screens need, the defaults are written down here.
import type {
  Catalog as WireCatalog,
  Material as WireMaterial,
  Service as WireService,
} from '../../sync/protocol/catalog';
import type { FormField as WireField } from '../../sync/protocol/form-schema';
import { translator } from '../../domain/i18n/translator';
import type { Catalog, FormField, MaterialSpec, Service } from './catalog-model';

function material(m: WireMaterial): MaterialSpec {
  const form = m.forms[0] ?? 'original';
  return {
    id: m.id,
    name: m.name,
    form,
    copies: m.copies,
    required: m.required,
    deferrable: m.deferrable,
    byCommitment: m.promiseAllowed,
    scan: m.scan,
    // The reader reads the card itself; nothing else is both unscanned and on paper.
    fromIdCard: !m.scan && form !== 'electronic' && m.name['zh-CN'].includes('身份证'),
    ...(m.condition ? { note: m.condition } : {}),
  };
}

function field(f: WireField): FormField {
  const base: FormField = {
    id: f.key,
    type: f.type,
    label: f.label,
    required: f.required,
    ...(f.help ? { help: f.help } : {}),
    ...(f.prefill && f.prefill !== 'ethnicity'
      ? { prefill: f.prefill, readOnly: f.prefill === 'name' || f.prefill === 'idNumber' }
      : {}),
    ...(f.prefill === 'ethnicity' ? { prefill: 'nation' as const } : {}),
  };
  switch (f.type) {
    case 'text':
      return { ...base, maxLength: f.maxLength };
    case 'number':
      return {
        ...base,
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
        ...(f.integer ? { integer: true } : {}),
      };
    case 'date':
      return { ...base, ...(f.notAfterToday ? { notAfterToday: true } : {}) };
    case 'choice':
      return { ...base, options: f.options, ...(f.multiple ? { multiple: true } : {}) };
    case 'address':
      return { ...base, maxLength: 200 };
    default:
      return base;
  }
}

/** The 告知承诺 the citizen signs for the materials a promise may replace. */
function commitmentFor(materials: WireMaterial[]): Service['commitment'] {
  const promised = materials.filter((m) => m.promiseAllowed);
  if (promised.length === 0) return undefined;
  const zh = promised.map((m) => m.name['zh-CN']).join('、');
  const en = promised.map((m) => m.name.en).join(', ');
  return {
    'zh-CN': translator('zh-CN')('review.commitmentText', { materials: zh }),
    en: translator('en')('review.commitmentText', { materials: en }),
  };
}

function service(s: WireService, wire: WireCatalog): Service {
  const theme = s.themeCode ? wire.themes.find((t) => t.code === s.themeCode) : undefined;
  const commitment = commitmentFor(s.guide.materials);
  return {
    code: s.code,
    itemCode: s.itemCode,
    kind: s.kind,
    name: s.name,
    summary: s.summary,
    audience: s.audience.map((a) => (a === 'individual' ? 'personal' : 'legal')),
    themeIds: wire.themes.filter((t) => t.serviceCodes.includes(s.code)).map((t) => t.code),
    keywords: s.keywords,
    // The wire ranks 1 as most asked-for; the screens sort higher first.
    popularity: -s.popularity,
    kioskCapable: true,
    ...(theme ? { bundles: theme.bundledItems } : {}),
    // The protocol does not say which services allow typing the number by hand; none do
    // until it does, but progress lookups (kind 'query') never need identity.
    identify: { card: true, eid: true, manual: false },
    guide: {
      authority: s.guide.authority,
      conditions: s.guide.conditions,
      process: s.guide.process,
      legalLimit: s.guide.legalTimeLimit,
      promisedLimit: s.guide.promisedTimeLimit,
      fee: s.guide.fee,
      locations: s.guide.locations,
      visits: s.guide.visits,
      consultPhone: s.guide.consultPhone,
      complaintPhone: s.guide.complaintPhone,
      faq: s.guide.faq,
    },
    materials: s.guide.materials.map(material),
    form: s.form.fields.map(field),
    ...(commitment ? { commitment } : {}),
  };
}

export function catalogFromProtocol(wire: WireCatalog): Catalog {
  return {
    version: String(wire.version),
    services: wire.services.map((s) => service(s, wire)),
    themes: wire.themes.map((t) => ({ id: t.code, name: t.name, serviceCodes: t.serviceCodes })),
  };
}
