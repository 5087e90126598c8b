import type { Mapping } from './mapping.ts';
import type { MappingsResponse } from './schema.ts';

type MappingRow = MappingsResponse['mappings'][number];

/** One mapping row as the API shows it (the same shape for both kinds, so a GET can be edited and PUT back). */
export function presentMapping(m: Mapping): MappingRow {
  if (m.kind === 'dataElement')
    return { kind: m.kind, uid: m.uid, code: m.code, family: m.family, name: m.name, unitId: null, validFrom: null, validTo: null, generated: m.generated };
  const u = m.unit;
  return {
    kind: m.kind,
    uid: m.uid,
    code: u.code,
    family: null,
    name: u.fullName,
    unitId: u.id,
    validFrom: u.validFrom,
    validTo: u.validTo,
    generated: m.generated,
  };
}
