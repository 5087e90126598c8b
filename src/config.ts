import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_AUTH, type AuthSettings } from './server/auth/settings.ts';

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  CHUNGSUC_DATA_DIR: z.string().min(1).default('.chungsuc'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CHUNGSUC_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  CHUNGSUC_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_AUTH.idleMinutes),
  CHUNGSUC_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(DEFAULT_AUTH.maxHours),
  CHUNGSUC_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(DEFAULT_AUTH.loginWindowMinutes),
  CHUNGSUC_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(DEFAULT_AUTH.maxFailuresPerAccount),
  CHUNGSUC_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_AUTH.maxFailuresPerAddress),
  /** Comma-separated origins (https://chungsuc.example.gov.vn) allowed to send state-changing requests besides the server's own. */
  CHUNGSUC_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'CHUNGSUC_ALLOWED_ORIGINS phải là các địa chỉ như https://ten-mien, cách nhau bằng dấu phẩy' }))),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  secureCookies: boolean;
  auth: AuthSettings;
  allowedOrigins: string[];
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
    auth: {
      idleMinutes: c.CHUNGSUC_SESSION_IDLE_MINUTES,
      maxHours: c.CHUNGSUC_SESSION_MAX_HOURS,
      loginWindowMinutes: c.CHUNGSUC_LOGIN_WINDOW_MINUTES,
      maxFailuresPerAccount: c.CHUNGSUC_LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: c.CHUNGSUC_LOGIN_MAX_FAILURES_PER_ADDRESS,
    },
    allowedOrigins: c.CHUNGSUC_ALLOWED_ORIGINS.map((o) => new URL(o).origin),
  };
}
