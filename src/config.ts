import path from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  CHUNGSUC_DATA_DIR: z.string().min(1).default('.chungsuc'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CHUNGSUC_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  secureCookies: boolean;
}

/** Reads and validates the environment at start-up; a bad value stops the process with a named error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Cấu hình không hợp lệ (${issue.path.join('.')}): ${issue.message}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.CHUNGSUC_DATA_DIR),
    port: c.PORT,
    host: c.HOST,
    secureCookies: c.CHUNGSUC_SECURE_COOKIES === 'true',
  };
}
