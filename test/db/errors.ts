import { expect } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';

/** The stable code of the DomainError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).code;
}
