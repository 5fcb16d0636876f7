// Which form values the read identity fills in, by the schema's `prefill` sources.
import type { Identity } from '../../devices/bridge/contract';
import type { FormField, PrefillSource } from '../catalog/catalog-model';

function sourceValue(identity: Identity, source: PrefillSource): string | undefined {
  switch (source) {
    case 'name':
      return identity.name;
    case 'idNumber':
      return identity.idNumber;
    case 'sex':
      return identity.sex === 'male' || identity.sex === 'female' ? identity.sex : undefined;
    case 'birthDate':
      return identity.birthDate;
    case 'address':
      return identity.address;
    case 'nation':
      return identity.nation;
  }
}

export function prefillFromIdentity(
  fields: FormField[],
  identity: Identity,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (!field.prefill) continue;
    const value = sourceValue(identity, field.prefill);
    if (value) values[field.id] = value;
  }
  return values;
}
