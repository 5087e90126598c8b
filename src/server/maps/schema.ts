/** Contract of the map route: a GeoJSON FeatureCollection of the 2025 communes (see data/units/SOURCES.md). */
import { z } from 'zod';

export const communeMapResponse = z
  .object({
    type: z.literal('FeatureCollection'),
    source: z.string().describe('nguồn ranh giới, phải ghi trên bản đồ'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().describe('mã xã, phường (2025)'),
        properties: z.object({
          code: z.string(),
          name: z.string(),
          fullName: z.string(),
          type: z.string(),
          areaKm2: z.number().nullable(),
          formedFrom: z.array(z.string()).describe('mã các xã, phường trước 01/7/2025 hợp thành'),
        }),
        geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
      }),
    ),
  })
  .describe('Ranh giới các xã, phường của Cao Bằng từ 01/7/2025 (GeoJSON, WGS 84)');
export type CommuneMapResponse = z.infer<typeof communeMapResponse>;
