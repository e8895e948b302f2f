import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { passwordProblem } from './auth/password-policy';

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^(mysql|mariadb):\/\/[^/]+\/[^/?]+/.test(value) || /^sqlite:.+/.test(value), {
    message: 'attendu mysql://utilisateur:motdepasse@hôte:3306/base ou sqlite:chemin/fichier.sqlite',
  });

const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: databaseUrl.default('sqlite:data/passerelles.sqlite'),
  DATA_DIR: z.string().default('data'),
  SESSION_SECRET: z.string().min(32, 'au moins 32 caractères').optional(),
  ENCRYPTION_KEY: z.string().min(32, 'au moins 32 caractères').optional(),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(600),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  ADMIN_EMAIL: z.email('adresse e-mail invalide').optional(),
  ADMIN_PASSWORD: z
    .string()
    .optional()
    .superRefine((password, context) => {
      const refused = password === undefined ? null : passwordProblem(password);
      if (refused) context.addIssue({ code: 'custom', message: refused });
    }),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'attendu smtp://utilisateur:motdepasse@hôte:587 ou smtps://…' }).optional(),
  MAIL_FROM: z.string().default('Passerelles <passerelles@localhost>'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'attendu http(s)://hôte[:port]' }).optional(),
  JOBS: z.enum(['on', 'off']).default('on'),
  JOBS_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TIME_ZONE: z.string().default('Europe/Paris').refine(isTimeZone, 'fuseau horaire IANA inconnu (ex. Europe/Paris)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().optional(),
});

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type DatabaseTarget = { dialect: 'sqlite'; storage: string } | { dialect: 'mysql'; url: string; database: string };

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
  dataDir: string;
  sessionSecret: string;
  /** Encrypts TOTP secrets at rest; must be the same for every process, like the session secret. */
  encryptionKey: string;
  /** API requests per minute per signed-in user (or per address when signed out), per process. */
  apiRateLimitPerMinute: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  admin: { email: string; password: string | undefined } | undefined;
  logLevel: string;
  staticDir: string | undefined;
  /** Without SMTP_URL, e-mails are written to data/outbox/ as .eml files. */
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  /** The address users reach the app at, for links in e-mails. */
  publicUrl: string;
  /** Whether this process runs the background jobs (digests...), and how often it looks for due ones. */
  jobs: { enabled: boolean; pollSeconds: number };
  /** The town's time zone: "today", "this week" and daily schedules are reckoned in it. */
  timeZone: string;
};

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string, baseDir = process.cwd()): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { dialect: 'sqlite', storage: file === ':memory:' ? file : path.resolve(baseDir, file) };
  }
  const parsed = new URL(url);
  return { dialect: 'mysql', url: url.replace(/^mariadb:/, 'mysql:'), database: decodeURIComponent(parsed.pathname.slice(1)) };
}

/** A secret from the environment, or generated once and kept in the data folder so that it survives a restart. */
function keptSecret(given: string | undefined, dataDir: string, name: string): string {
  if (given) return given;
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Reads and checks the environment once; a bad value stops the start with one clear line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = environment.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`);
    throw new ConfigError(`Configuration invalide — ${problems.join(' ; ')}`);
  }
  const values = result.data;
  const dataDir = path.resolve(values.DATA_DIR);
  if (values.ADMIN_PASSWORD && !values.ADMIN_EMAIL) {
    throw new ConfigError('Configuration invalide — ADMIN_PASSWORD est donné sans ADMIN_EMAIL');
  }
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    database: parseDatabaseUrl(values.DATABASE_URL),
    dataDir,
    sessionSecret: keptSecret(values.SESSION_SECRET, dataDir, 'session-secret'),
    encryptionKey: keptSecret(values.ENCRYPTION_KEY, dataDir, 'encryption-key'),
    apiRateLimitPerMinute: values.API_RATE_LIMIT_PER_MINUTE,
    sessionIdleMinutes: values.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: values.SESSION_ABSOLUTE_HOURS,
    trustProxy: values.TRUST_PROXY,
    admin: values.ADMIN_EMAIL ? { email: values.ADMIN_EMAIL, password: values.ADMIN_PASSWORD } : undefined,
    logLevel: values.LOG_LEVEL,
    staticDir: values.STATIC_DIR,
    mail: { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM, outboxDir: path.join(dataDir, 'outbox') },
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    jobs: { enabled: values.JOBS === 'on', pollSeconds: values.JOBS_POLL_SECONDS },
    timeZone: values.TIME_ZONE,
  };
}
