/** Where the PostgreSQL tests run: a server on localhost; databases are created through the `test` database. */
import pg from 'pg';

export const PG_BASE = 'postgres://postgres@127.0.0.1:5432';
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
