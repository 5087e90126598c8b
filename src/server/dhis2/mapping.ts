import type { Db } from '../../db/client.ts';
import { allUnitPeriods, listMappings, type MappableUnit } from '../../db/repos/dhis2.ts';
import { entryFields } from '../../domain/assessments/values.ts';
import type { SetRegistry } from '../../domain/criteria/registry.ts';
import { dataElementSeed, generatedUid, orgUnitSeed } from '../../interchange/dhis2/uid.ts';
import { getRegistry } from '../criteria/service.ts';

export interface DataElementMapping {
  kind: 'dataElement';
  uid: string;
  family: string;
  code: string;
  name: string | null;
  generated: boolean;
}

export interface OrgUnitMapping {
  kind: 'orgUnit';
  uid: string;
  unit: MappableUnit;
  generated: boolean;
}

export type Mapping = DataElementMapping | OrgUnitMapping;

/**
 * The mapping in force: the stored rows, and for every other data element (a code that can be entered in some
 * version of a family) and organisation unit (a unit's period) an identifier generated from its code, skipping
 * identifiers already taken, so that the round trip works without anyone having entered a mapping.
 */
export class EffectiveMapping {
  readonly byUid = new Map<string, Mapping>();
  private readonly de = new Map<string, DataElementMapping>();
  private readonly ou = new Map<number, OrgUnitMapping>();

  constructor(readonly list: Mapping[]) {
    for (const m of list) {
      this.byUid.set(m.uid, m);
      if (m.kind === 'dataElement') this.de.set(`${m.family}\u0000${m.code}`, m);
      else this.ou.set(m.unit.id, m);
    }
  }

  dataElement(family: string, code: string): DataElementMapping | undefined {
    return this.de.get(`${family}\u0000${code}`);
  }

  orgUnit(unitId: number): OrgUnitMapping | undefined {
    return this.ou.get(unitId);
  }

  units(): MappableUnit[] {
    return [...this.ou.values()].map((m) => m.unit);
  }
}

/** Codes that can be entered in each family, with the name of the newest version that has them. */
export function dataElementUniverse(registry: SetRegistry): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const set of registry.all()) {
    const codes = out.get(set.family) ?? new Map<string, string>();
    for (const f of entryFields(set)) codes.set(f.code, f.name);
    out.set(set.family, codes);
  }
  return out;
}

export async function loadMapping(db: Db): Promise<EffectiveMapping> {
  const [stored, unitRows, registry] = await Promise.all([listMappings(db), allUnitPeriods(db), getRegistry(db)]);
  const universe = dataElementUniverse(registry);
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const taken = new Set(stored.map((s) => s.uid));
  const out: Mapping[] = [];
  const storedDe = new Set<string>();
  const storedOu = new Set<number>();
  for (const s of stored) {
    if (s.kind === 'dataElement' && s.family && s.code) {
      storedDe.add(`${s.family}\u0000${s.code}`);
      out.push({ kind: 'dataElement', uid: s.uid, family: s.family, code: s.code, name: universe.get(s.family)?.get(s.code) ?? null, generated: false });
    } else if (s.kind === 'orgUnit' && s.unitId !== null && unitById.has(s.unitId)) {
      storedOu.add(s.unitId);
      out.push({ kind: 'orgUnit', uid: s.uid, unit: unitById.get(s.unitId)!, generated: false });
    }
  }
  const fresh = (seed: string) => {
    let uid = generatedUid(seed);
    for (let attempt = 1; taken.has(uid); attempt++) uid = generatedUid(seed, attempt);
    taken.add(uid);
    return uid;
  };
  for (const family of [...universe.keys()].sort()) {
    for (const [code, name] of [...universe.get(family)!].sort(([a], [b]) => a.localeCompare(b))) {
      if (storedDe.has(`${family}\u0000${code}`)) continue;
      out.push({ kind: 'dataElement', uid: fresh(dataElementSeed(family, code)), family, code, name, generated: true });
    }
  }
  for (const unit of unitRows) {
    if (!storedOu.has(unit.id)) out.push({ kind: 'orgUnit', uid: fresh(orgUnitSeed(unit.code, unit.validFrom)), unit, generated: true });
  }
  return new EffectiveMapping(out);
}
