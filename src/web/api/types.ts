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
import type { assessmentBody, evidenceRef, savedBody, transitionedBody } from '../../server/assessments/schema.ts';
import type { deadlineSchema } from '../../server/boards/schema.ts';

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
export type AssessmentBody = z.infer<typeof assessmentBody>;
export type EvidenceRef = z.infer<typeof evidenceRef>;
export type AssessmentSaved = z.infer<typeof savedBody>;
export type AssessmentTransitioned = z.infer<typeof transitionedBody>;

// boards
export type { BoardResponse, BoardRowBody as BoardRow, BoardTab, BulkAction, BulkResponse, BulkResult } from '../../server/boards/schema.ts';
export type DeadlineRow = z.infer<typeof deadlineSchema>;
