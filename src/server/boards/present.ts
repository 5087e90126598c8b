import type { Role } from '../../domain/auth/roles.ts';
import type { DeadlineRow } from '../../db/repos/boards.ts';
import type { BoardRow } from './board.ts';
import { actionsFor, tabsOf } from './rules.ts';
import { BOARD_TABS, type BoardResponse, type BoardRowBody, type BoardTab } from './schema.ts';

export function presentDeadline(d: DeadlineRow) {
  return {
    year: d.year,
    family: d.family,
    level: d.level as 'district' | 'commune' | 'hamlet' | null,
    submitBy: d.submitBy,
    reviewBy: d.reviewBy,
    approveBy: d.approveBy,
    note: d.note,
    setAt: d.setAt.toISOString(),
    setBy: d.setBy,
  };
}

/** A board row as the caller sees it: the actions they could take and the tabs it shows under. */
export function presentBoardRow(r: BoardRow, role: Role): BoardRowBody {
  const actions = actionsFor(r, role, r.version > 0);
  const { unitId: _id, workflowUnit, ...rest } = r;
  return { ...rest, underDistrict: workflowUnit.underDistrict, actions, tabs: tabsOf(r, actions) };
}

/** Counts per tab over the visible rows, and the rows of the tab asked for. */
export function presentBoard(head: Pick<BoardResponse, 'asOf' | 'year' | 'level' | 'today'>, rows: BoardRow[], role: Role, tab: BoardTab): BoardResponse {
  const shown = rows.map((r) => presentBoardRow(r, role));
  const counts = Object.fromEntries(BOARD_TABS.map((t) => [t, shown.filter((r) => r.tabs.includes(t)).length])) as Record<BoardTab, number>;
  return { ...head, tab, counts, rows: shown.filter((r) => r.tabs.includes(tab)) };
}
