/**
 * Where the PostgreSQL tests run: the server on localhost (or CHUNGSUC_TEST_PG, a URL without database name);
 * databases are created through its `test` database.
 */
import pg from 'pg';

export const PG_BASE = (process.env.CHUNGSUC_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
export const ADMIN_URL = `${PG_BASE}/test`;

export async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
