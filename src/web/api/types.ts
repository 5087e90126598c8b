// Response shapes of the API, taken from the server's presenters and the domain types so that a change on the
// server breaks the web build instead of the screen. Type-only imports: nothing from the server is bundled.
import type { presentUser } from '../../server/auth/present.ts';
import type { presentSet } from '../../server/criteria/present.ts';
import type { PendingAnnex } from '../../interchange/criteria/files.ts';
import type { OverviewRow as ServerOverviewRow } from '../../server/evaluation/service.ts';
import type { presentUnit, presentUnitDetail } from '../../server/units/present.ts';
import type { SetSummary } from '../../domain/criteria/registry.ts';
import type { Tier } from '../../domain/criteria/schema.ts';
import type { Evaluation } from '../../domain/evaluation/types.ts';

export type { Evaluation, GapItem, IndicatorResult, CriterionResult, Status } from '../../domain/evaluation/types.ts';
export type { Tier, Threshold } from '../../domain/criteria/schema.ts';
export type { PendingAnnex };

export type User = ReturnType<typeof presentUser>;
export type Unit = ReturnType<typeof presentUnit>;
export type UnitDetail = ReturnType<typeof presentUnitDetail>;
export type SetDetail = ReturnType<typeof presentSet>;
export type SetCriterion = SetDetail['criteria'][number];
export type SetIndicator = SetCriterion['indicators'][number];

/** A row of GET /api/overview (the server drops the internal id). */
export type OverviewRow = Omit<ServerOverviewRow, 'id'>;

export interface OverviewResponse {
  asOf: string;
  year: number;
  sets: string[];
  rows: OverviewRow[];
}

export interface SetListItem extends SetSummary {
  family: string;
  sample: boolean;
  indicatorsPending: boolean;
  tier: Tier;
}

export interface SetsResponse {
  sets: SetListItem[];
  pending: PendingAnnex[];
}

export interface UnitResponse {
  asOf: string;
  unit: UnitDetail;
  predecessors: Unit[];
  successors: Unit[];
  history: Unit[];
  children: Unit[];
}

export interface EvaluationResponse {
  asOf: string;
  unit: UnitDetail;
  group: { value: string; sample: boolean; source: string | null } | null;
  valuesSample: boolean;
  hasValues: boolean;
  setInfo: { id: string; name: string; decision: string; legalSource: string; sample: boolean; indicatorsPending: boolean; note: string | null };
  evaluation: Evaluation;
  /** The top of the tier ladder (e.g. model commune) when the evaluated set is the base NTM set. */
  highest: Evaluation | null;
}
