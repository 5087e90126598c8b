import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/** A round trip to the database (the health check): throws when it cannot answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
