import type { Role } from '../auth/roles.ts';

/**
 * The workflow of one assessment (unit × set family × year):
 *
 *   draft ──submit──▶ submitted ──review──▶ reviewed ──approve──▶ approved (locked)
 *     ▲                  │  └──────────approve (no district step)──────▲        │
 *     │                  └─return─▶ returned ◀─return─┘                      │
 *     └──────────────────────────────reopen (province, with a reason)──────────┘
 *
 * The district review step exists only where the unit sat under a district (before the 1/7/2025 reorganisation
 * abolished the district level); afterwards the province approves what the commune submits. `return` and `reopen`
 * need a reason, which the submitter sees. Values can be changed only in `draft` and `returned`.
 */
export const ASSESSMENT_STATES = ['draft', 'submitted', 'reviewed', 'approved', 'returned'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const TRANSITION_ACTIONS = ['submit', 'review', 'approve', 'return', 'reopen'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** States in which values, statuses, notes and evidence can be changed. */
export const EDITABLE_STATES: readonly AssessmentState[] = ['draft', 'returned'];

export function isEditable(state: AssessmentState): boolean {
  return EDITABLE_STATES.includes(state);
}

/** Actions whose reason is mandatory. */
export const NEEDS_REASON: readonly TransitionAction[] = ['return', 'reopen'];

/** What the workflow needs to know about the assessed unit. */
export interface WorkflowUnit {
  level: 'province' | 'district' | 'commune' | 'hamlet';
  /** Whether a district stands above the unit (its commune's parent, for a hamlet): the district review step applies. */
  underDistrict: boolean;
}

/** Who performs each action, by role (admin may do all). Scope (the unit) is checked separately. */
const ACTORS: Record<TransitionAction, readonly Role[]> = {
  submit: ['commune', 'district', 'admin'],
  review: ['district', 'admin'],
  approve: ['province', 'admin'],
  return: ['district', 'province', 'admin'],
  reopen: ['province', 'admin'],
};

export interface TransitionRefusal {
  /** `role`: this account may never do it here (403); `state`: not from this state (409); `reason`: missing (400). */
  kind: 'role' | 'state' | 'reason';
  message: string;
}

/** The state an action leads to from `from`, or why it may not happen. Pure: the server and the screens share it. */
export function nextState(
  action: TransitionAction,
  from: AssessmentState,
  unit: WorkflowUnit,
  role: Role,
  reason?: string | null,
): { to: AssessmentState } | TransitionRefusal {
  if (!ACTORS[action].includes(role)) return { kind: 'role', message: `Vai trò này không được ${ACTION_LABELS[action].toLowerCase()} bản đánh giá` };
  if (action === 'submit' && role === 'district' && unit.level !== 'district')
    return { kind: 'role', message: 'Cấp huyện chỉ gửi bản đánh giá của chính huyện; bản của xã do xã gửi' };
  if (action === 'return' && role === 'district' && from === 'reviewed')
    return { kind: 'role', message: 'Bản đã được huyện thẩm định chỉ tỉnh mới trả lại được' };
  const to = target(action, from, unit);
  if (!to) return { kind: 'state', message: stateMessage(action, from, unit) };
  if (NEEDS_REASON.includes(action) && !(reason ?? '').trim()) return { kind: 'reason', message: `Cần ghi lý do khi ${ACTION_LABELS[action].toLowerCase()}` };
  return { to };
}

function target(action: TransitionAction, from: AssessmentState, unit: WorkflowUnit): AssessmentState | null {
  switch (action) {
    case 'submit':
      return isEditable(from) ? 'submitted' : null;
    case 'review':
      return unit.underDistrict && from === 'submitted' ? 'reviewed' : null;
    case 'approve':
      return (unit.underDistrict ? from === 'reviewed' : from === 'submitted') ? 'approved' : null;
    case 'return':
      return from === 'submitted' || from === 'reviewed' ? 'returned' : null;
    case 'reopen':
      return from === 'approved' ? 'draft' : null;
  }
}

function stateMessage(action: TransitionAction, from: AssessmentState, unit: WorkflowUnit): string {
  if (action === 'review' && !unit.underDistrict)
    return 'Đơn vị này không thuộc huyện nào (sau 01/07/2025 không còn cấp huyện): không có bước thẩm định của huyện';
  if (action === 'approve' && unit.underDistrict && from === 'submitted') return 'Bản đánh giá cần được huyện thẩm định trước khi tỉnh phê duyệt';
  return `Không thể ${ACTION_LABELS[action].toLowerCase()} bản đánh giá đang ở trạng thái "${STATE_LABELS[from]}"`;
}

/** The actions `role` could take now (for buttons); the server decides again on each request. */
export function availableActions(from: AssessmentState, unit: WorkflowUnit, role: Role): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((a) => 'to' in nextState(a, from, unit, role, 'x'));
}

export const STATE_LABELS: Record<AssessmentState, string> = {
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  reviewed: 'Huyện đã thẩm định',
  approved: 'Đã phê duyệt',
  returned: 'Bị trả lại',
};

export const ACTION_LABELS: Record<TransitionAction, string> = {
  submit: 'Gửi',
  review: 'Thẩm định',
  approve: 'Phê duyệt',
  return: 'Trả lại',
  reopen: 'Mở lại',
};

/**
 * Which stored values a view counts: `approved` (the default everywhere, and the only choice in public), or staff
 * choosing to include submitted (and reviewed) ones, or every value including drafts. A unit's own officer always
 * sees their own draft on their unit.
 */
export const VALUE_BASES = ['approved', 'submitted', 'all'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];

/** The states a basis counts. */
export function statesCounted(basis: ValueBasis): readonly AssessmentState[] {
  if (basis === 'approved') return ['approved'];
  if (basis === 'submitted') return ['submitted', 'reviewed', 'approved'];
  return ASSESSMENT_STATES;
}
