import { describe, expect, it } from 'vitest';
import { POLICY } from '../../src/server/auth/access.ts';
import { SCREEN_POLICY } from '../../src/web/auth/can.ts';

describe('web screen policy', () => {
  it('shows an action to exactly the roles the server allows', () => {
    for (const [action, roles] of Object.entries(SCREEN_POLICY))
      expect([...roles].sort(), action).toEqual([...POLICY[action as keyof typeof SCREEN_POLICY]].sort());
  });
});
