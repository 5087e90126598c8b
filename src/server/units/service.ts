import { violatedConstraint, type Db } from '../../db/client.ts';
import { audit } from '../../db/repos/users.ts';
import { codesWithPrefix, findUnitAsOf, insertUnit, lineageOf, listChildrenAsOf, unitHistory } from '../../db/repos/units.ts';
import { DomainError } from '../../domain/errors.ts';
import { nameKey } from '../../domain/units/names.ts';
import { assertCan, type SessionUser } from '../auth/access.ts';
import type { z } from 'zod';
import type { newHamletBody } from './schema.ts';

export async function unitDetail(db: Db, code: string, asOf: string) {
  const unit = await findUnitAsOf(db, code, asOf);
  if (!unit) throw new DomainError('UNIT_NOT_IN_FORCE', `Không có đơn vị hành chính mã "${code}" vào ngày ${asOf}`, { code, asOf });
  const { predecessors, successors } = await lineageOf(db, unit.id);
  const history = await unitHistory(db, code);
  const children = await listChildrenAsOf(db, unit.id, asOf);
  return { unit, predecessors, successors, history, children };
}

/**
 * Adds a hamlet under a commune in force on its start date. Hamlet lists are kept by the province.
 * `authorizeParent` sees the commune before anything is written (the route passes its request's resource check).
 * The checks here give the clearest message; the database's exclusion constraints (name under the commune,
 * code, over overlapping periods) decide when several writers race, and their violation is the same 409.
 */
export async function addHamlet(
  db: Db,
  user: SessionUser,
  input: z.infer<typeof newHamletBody>,
  authorizeParent: (communeId: number) => void = (unitId) => assertCan(user, 'unit:create', { kind: 'unit', unitId }),
) {
  const parent = await findUnitAsOf(db, input.parentCode, input.validFrom);
  if (!parent || parent.level !== 'commune')
    throw new DomainError('UNIT_NOT_IN_FORCE', `Không có xã mã "${input.parentCode}" vào ngày ${input.validFrom}`, { field: 'parentCode' });
  authorizeParent(parent.id);
  const fullName = `${input.type} ${input.name}`;
  const siblings = (await listChildrenAsOf(db, parent.id, input.validFrom)).filter((u) => u.level === 'hamlet');
  if (siblings.some((s) => nameKey(s.fullName) === nameKey(fullName) || nameKey(s.name) === nameKey(input.name))) throw nameTaken(parent.fullName, input);
  const code = input.code ?? (await nextHamletCode(db, parent.code));
  if (await findUnitAsOf(db, code, input.validFrom)) throw codeTaken(code);
  try {
    return await db.transaction(async (tx) => {
      const id = await insertUnit(tx, {
        code,
        name: input.name,
        fullName,
        nameKey: nameKey(fullName),
        type: input.type,
        level: 'hamlet',
        parentId: parent.id,
        region: parent.region,
        validFrom: input.validFrom,
        // A hamlet ends with its commune (one added on an old commune's last day must not outlive it).
        validTo: parent.validTo,
        legalBasis: input.legalBasis,
      });
      await audit(tx, { userId: user.id, action: 'create', entity: 'unit', entityId: String(id), data: { code, fullName, parent: parent.code } });
      return { id, code, fullName };
    });
  } catch (e) {
    const violated = violatedConstraint(e);
    if (violated?.name === 'units_name_period') throw nameTaken(parent.fullName, input);
    if (violated) throw codeTaken(code);
    throw e;
  }
}

/** `<commune>-NNN`, one past the highest number given out under that commune in any period. */
async function nextHamletCode(db: Db, communeCode: string): Promise<string> {
  const prefix = `${communeCode}-`;
  const numbers = (await codesWithPrefix(db, prefix)).map((c) => /^\d+$/.exec(c.slice(prefix.length))).map((m) => (m ? Number(m[0]) : 0));
  return `${prefix}${String(Math.max(0, ...numbers) + 1).padStart(3, '0')}`;
}

const nameTaken = (communeName: string, input: { type: string; name: string }) =>
  new DomainError('UNIT_EXISTS', `${communeName} đã có ${input.type.toLowerCase()} "${input.name}" trong cùng thời gian`, { field: 'name' });

const codeTaken = (code: string) => new DomainError('UNIT_EXISTS', `Mã "${code}" đã được dùng cho một đơn vị trong cùng thời gian`, { field: 'code' });
