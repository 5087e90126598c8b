/** Access matrix rows of the commune map: public boundaries, the same answer for every account. */
import { expect } from 'vitest';
import { everyone, one, type Row } from './cases.ts';

export const MAP_ROWS: Record<string, Row> = {
  'GET /api/maps/communes': one({
    request: () => ({ url: '/api/maps/communes' }),
    expected: everyone(200),
    shows: (_role, body) => {
      const map = body as { features: { id: string; properties: { formedFrom: string[] } }[] };
      expect(map.features).toHaveLength(56);
      // Every commune before 1/7/2025 is in exactly one 2025 commune.
      expect(map.features.flatMap((f) => f.properties.formedFrom)).toHaveLength(161);
    },
  }),
};
