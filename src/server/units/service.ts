import { isUniqueViolation, type Db } from '../../db/client.ts';
import { audit } from '../../db/repos/users.ts';
import { findUnitAsOf, insertUnit, lineageOf, listChildrenAsOf, unitHistory } from '../../db/repos/units.ts';
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
  const siblings = (await listChildrenAsOf(db, parent.id, input.validFrom)).filter((u) => u.level === 'hamlet');
  if (siblings.some((s) => nameKey(s.fullName) === nameKey(`${input.type} ${input.name}`) || nameKey(s.name) === nameKey(input.name)))
    throw new DomainError('UNIT_EXISTS', `${parent.fullName} đã có ${input.type.toLowerCase()} "${input.name}"`, { field: 'name' });
  const code = input.code ?? `${parent.code}-${String(siblings.length + 1).padStart(3, '0')}`;
  if (await findUnitAsOf(db, code, input.validFrom)) throw new DomainError('UNIT_EXISTS', `Mã "${code}" đã được dùng`, { field: 'code' });
  const fullName = `${input.type} ${input.name}`;
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
    // Two submissions at once pass the checks above together; the unique code per period stops the second.
    if (isUniqueViolation(e)) throw new DomainError('UNIT_EXISTS', `Mã "${code}" đã được dùng`, { field: 'code' });
    throw e;
  }
}
