import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/server/auth/policies.ts';
import { SCREEN_POLICY } from '../../src/web/auth/can.ts';

describe('web screen policy', () => {
  it('shows an action to exactly the roles the server allows', () => {
    for (const [action, roles] of Object.entries(SCREEN_POLICY))
      expect([...roles].sort(), action).toEqual([...POLICIES[action as keyof typeof SCREEN_POLICY].roles].sort());
  });
});
