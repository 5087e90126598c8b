import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../../paths.ts';

/** A commune boundary as served: the 2025 commune and the pre-2025 communes it was formed from. */
export interface CommuneFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; fullName: string; type: string; areaKm2: number | null; formedFrom: string[] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface CommuneMap {
  type: 'FeatureCollection';
  source: string;
  features: CommuneFeature[];
}

export const MAP_SOURCE =
  'Ranh giới 56 xã, phường từ 01/7/2025: thanglequoc/vietnamese-provinces-database (MIT), dẫn xuất từ Bản đồ đơn vị hành chính (sapnhap.bando.com.vn, NXB Tài nguyên, Môi trường và Bản đồ Việt Nam); đã giản lược.';

type Ring = [number, number][];
/** Rounds to 4 decimals (about 11 m, finer than a commune map needs) and drops the points that then repeat. */
function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

interface RawFeature {
  id?: string;
  properties: { code: string; name: string; fullName: string; type: string; areaKm2?: number };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Ring[] | Ring[][] };
}

/** Reads data/units: the 2025 boundaries and the 2024→2025 mapping (no old commune was split, so it aggregates exactly). */
export function buildCommuneMap(dir = DATA_DIR): CommuneMap {
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'units/caobang-communes.geojson'), 'utf8')) as { features: RawFeature[] };
  const mapping = JSON.parse(fs.readFileSync(path.join(dir, 'units/caobang-mapping-2024-2025.json'), 'utf8')) as { oldCode: string; newCode: string }[];
  const formedFrom = new Map<string, string[]>();
  for (const m of mapping) formedFrom.set(m.newCode, [...(formedFrom.get(m.newCode) ?? []), m.oldCode]);
  const features = raw.features.map((f): CommuneFeature => {
    const g = f.geometry;
    const coordinates = g.type === 'Polygon' ? (g.coordinates as Ring[]).map(roundRing) : (g.coordinates as Ring[][]).map((p) => p.map(roundRing));
    const p = f.properties;
    return {
      type: 'Feature',
      id: p.code,
      properties: { code: p.code, name: p.name, fullName: p.fullName, type: p.type, areaKm2: p.areaKm2 ?? null, formedFrom: formedFrom.get(p.code) ?? [] },
      geometry: { type: g.type, coordinates },
    };
  });
  return { type: 'FeatureCollection', source: MAP_SOURCE, features };
}

/** The map as sent: built once, with an ETag (the files change only with a release). */
export interface ServedMap {
  json: string;
  etag: string;
}

let served: ServedMap | null = null;
export function servedCommuneMap(): ServedMap {
  if (!served) {
    const json = JSON.stringify(buildCommuneMap());
    served = { json, etag: `"${createHash('sha256').update(json).digest('hex').slice(0, 32)}"` };
  }
  return served;
}
