/** Access matrix rows of the assessment routes (values, workflow, history). */
import type { Row } from './cases.ts';

export const ASSESSMENT_ROWS: Record<string, Row> = {};
