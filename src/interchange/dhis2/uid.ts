import crypto from 'node:crypto';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHANUMERIC = `${LETTERS}0123456789`;

/**
 * A stable DHIS2 identifier derived from a seed (the same seed always gives the same identifier, on every server),
 * so that an installation without a stored mapping still exchanges data with itself and with a DHIS2 instance set
 * up from an export. `attempt` > 0 derives another one when the first is already taken.
 */
export function generatedUid(seed: string, attempt = 0): string {
  const bytes = crypto.createHash('sha256').update(`chungsuc:${seed}:${attempt}`).digest();
  let out = LETTERS[bytes[0]! % LETTERS.length]!;
  for (let i = 1; i < 11; i++) out += ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length]!;
  return out;
}

/** The seed of a data element: the code within its set family (the same across the family's versions). */
export const dataElementSeed = (family: string, code: string) => `dataElement:${family}:${code}`;

/** The seed of an organisation unit: its code and the start of its period (codes are reused across periods). */
export const orgUnitSeed = (code: string, validFrom: string | null) => `orgUnit:${code}:${validFrom ?? ''}`;
