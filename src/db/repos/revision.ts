import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';

/** Rows of data_changes above which a reader folds them into the counter (the count stays a small scan). */
const FOLD_ABOVE = 500;

/**
 * The data revision (migration 0006): changes with every committed write to assessments, their values, units,
 * unit attributes or criteria sets, and only once that write is visible. One small query.
 */
export async function dataRevision(db: Db): Promise<number> {
  const [row] = await queryRows<{ folded: number | string; pending: number | string }>(
    db,
    sql`SELECT r.folded, (SELECT count(*) FROM data_changes) AS pending FROM data_revision r`,
  );
  const pending = Number(row?.pending ?? 0);
  if (pending > FOLD_ABOVE) await foldChanges(db);
  return Number(row?.folded ?? 0) + pending;
}

/** Moves counted rows of data_changes into `folded` in one statement: the revision (their sum) does not move. */
export async function foldChanges(db: Db): Promise<void> {
  await db.execute(sql`
    WITH gone AS (
      DELETE FROM data_changes WHERE txid IN (SELECT txid FROM data_changes ORDER BY txid LIMIT 10000) RETURNING 1
    )
    UPDATE data_revision SET folded = folded + (SELECT count(*) FROM gone)`);
}
