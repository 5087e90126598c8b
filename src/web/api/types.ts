// Response shapes of the API, inferred from the features' contracts (src/server/*/schema.ts), which the server
// serialises its responses through: a change there breaks the web build instead of the screen. Type-only
// imports: nothing from the server is bundled.
import type { z } from 'zod';
import type { sessionUserBody } from '../../server/auth/schema.ts';
import type { pendingAnnexSchema, setDetailResponse, setListItemSchema, setListResponse } from '../../server/criteria/schema.ts';
import type {
  criterionResultSchema,
  evaluationSchema,
  gapItemSchema,
  indicatorResultSchema,
  overviewResponse,
  unitEvaluationResponse,
} from '../../server/evaluation/schema.ts';
import type { unitDetailResponse, unitSummary } from '../../server/units/schema.ts';

export type { Tier, Threshold } from '../../domain/criteria/schema.ts';
export type PendingAnnex = z.infer<typeof pendingAnnexSchema>;

export type User = z.infer<typeof sessionUserBody>;
export type Unit = z.infer<typeof unitSummary>;
export type UnitResponse = z.infer<typeof unitDetailResponse>;

export type OverviewResponse = z.infer<typeof overviewResponse>;
export type OverviewRow = OverviewResponse['rows'][number];
export type EvaluationResponse = z.infer<typeof unitEvaluationResponse>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type CriterionResult = z.infer<typeof criterionResultSchema>;
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;
export type GapItem = z.infer<typeof gapItemSchema>;
export type Status = Evaluation['criteria'][string]['status'];

export type SetDetail = z.infer<typeof setDetailResponse>;
export type SetCriterion = SetDetail['criteria'][number];
export type SetIndicator = SetCriterion['indicators'][number];
export type SetListItem = z.infer<typeof setListItemSchema>;
export type SetsResponse = z.infer<typeof setListResponse>;

// assessments
export type { AssessmentState, TransitionAction } from '../../domain/assessments/workflow.ts';
import type { AssessmentState, TransitionAction } from '../../domain/assessments/workflow.ts';
type StoredValue = number | boolean | string | null;
export interface EvidenceRef {
  id: number;
  name: string;
  sha256: string;
  size: number;
  type: string;
}
interface StoredEntry {
  note: string | null;
  evidence: EvidenceRef[];
  updatedAt: string | null;
  updatedBy: string | null;
}
export interface AssessmentBody {
  unit: UnitResponse['unit'];
  family: string;
  year: number;
  setId: string;
  status: AssessmentState;
  version: number;
  values: Record<string, { value: StoredValue } & StoredEntry>;
  criteria: Record<string, { status: StoredValue } & StoredEntry>;
  transitions: {
    action: TransitionAction;
    from: AssessmentState;
    to: AssessmentState;
    at: string;
    user: string | null;
    userName: string | null;
    reason: string | null;
  }[];
  editable: boolean;
  actions: TransitionAction[];
}
