import { existsSync } from 'node:fs';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** A value as written, trimmed and lowercased (`LOG_LEVEL=DEBUG`), an empty one as unset. */
const lowercased = (value: unknown) =>
  typeof value === 'string' ? emptyAsUndefined(value.trim().toLowerCase()) : value;

/** A setting whose every value is valid (a path, a name): an empty value counts as unset. */
const plain = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema);

/**
 * A setting that can be wrong: its schema (an empty value counts as unset, or `prepare` reads the
 * value first) and the one message a person reads when its value is wrong, whatever check failed,
 * naming the variable and the fix.
 */
function setting<T extends z.ZodType>(
  schema: T,
  message: string,
  prepare: (value: unknown) => unknown = emptyAsUndefined,
) {
  return z.preprocess(prepare, schema).describe(message);
}

const snowflake = (name: string) =>
  setting(
    z
      .string()
      .regex(/^\d{17,20}$/)
      .optional(),
    `${name} must be a Discord id (17 to 20 digits); copy it from the Developer Portal`,
  );

/** A whole number setting in a range, with its default. */
function wholeNumber(
  name: string,
  { min, max, fallback, message }: { min: number; max?: number; fallback: number; message?: string },
) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  return setting(
    z
      .string()
      .trim()
      .regex(/^\d+$/)
      .transform(Number)
      .refine((n) => n >= min && (max === undefined || n <= max))
      .default(fallback as never),
    message ?? `${name} must be a whole number ${range}, e.g. ${name}=${fallback}`,
  );
}

/** A number setting above 0, fractions allowed, with its default. */
function positiveNumber(name: string, { fallback, unit }: { fallback: number; unit: string }) {
  return setting(
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number)
      .refine((n) => n > 0)
      .default(fallback as never),
    `${name} must be a number of ${unit} above 0, e.g. ${name}=${fallback}`,
  );
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting factdesk reads, from the environment (and `.env` when present). Validated once at
 * start; a bad value stops the program with its setting's one message (see {@link setting}).
 */
export const ConfigSchema = z
  .object({
    DISCORD_TOKEN: setting(
      z.string().min(20).optional(),
      'DISCORD_TOKEN looks too short: copy the bot token from the Developer Portal → Bot',
    ),
    DISCORD_APPLICATION_ID: snowflake('DISCORD_APPLICATION_ID'),
    DISCORD_GUILD_ID: snowflake('DISCORD_GUILD_ID'),
    DISCORD_PUBLIC_KEY: setting(
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/)
        .optional(),
      'DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Developer Portal',
    ),
    DISCORD_API_URL: setting(
      z
        .url({ protocol: /^https?$/ })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
      'DISCORD_API_URL must be an http(s) URL without version, e.g. http://127.0.0.1:8080/api',
    ),
    KNOWLEDGE_DIR: plain(z.string().default('knowledge')),
    KNOWLEDGE_NAME: setting(
      z.string().max(80).optional(),
      'KNOWLEDGE_NAME must be at most 80 characters, e.g. KNOWLEDGE_NAME="Press office"',
    ),
    KNOWLEDGE_MAX_FILE_MB: positiveNumber('KNOWLEDGE_MAX_FILE_MB', { fallback: 20, unit: 'megabytes' }),
    KNOWLEDGE_INDEX_FILE: plain(z.string().optional()),
    LOG_LEVEL: setting(
      z.enum(LOG_LEVELS).default('info'),
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, e.g. LOG_LEVEL=info`,
      lowercased,
    ),
    LOG_FORMAT: setting(
      z.enum(['json', 'pretty']).optional(),
      'LOG_FORMAT must be json or pretty (default: pretty at a terminal, json otherwise)',
      lowercased,
    ),
    HOST: plain(z.string().trim().default('0.0.0.0')),
    PORT: wholeNumber('PORT', { min: 0, max: 65535, fallback: 3000 }),
    METRICS_TOKEN: setting(
      z.string().min(16).optional(),
      'METRICS_TOKEN must be at least 16 characters, e.g. METRICS_TOKEN=$(openssl rand -hex 16)',
    ),
    METRICS_PORT: setting(
      z
        .string()
        .trim()
        .regex(/^\d+$/)
        .transform(Number)
        .refine((n) => n >= 1 && n <= 65535)
        .optional(),
      'METRICS_PORT must be a port number from 1 to 65535, e.g. METRICS_PORT=9464',
    ),
    RATE_LIMIT_MAX: wholeNumber('RATE_LIMIT_MAX', { min: 1, fallback: 5 }),
    RATE_LIMIT_WINDOW_SECONDS: positiveNumber('RATE_LIMIT_WINDOW_SECONDS', { fallback: 10, unit: 'seconds' }),
    REPLICAS: wholeNumber('REPLICAS', {
      min: 1,
      fallback: 1,
      message: 'REPLICAS must be the number of replicas serving the endpoint, at least 1, e.g. REPLICAS=1',
    }),
    // The console's and the CLI's language, as POSIX sets it (`zh_CN.UTF-8`); LC_ALL wins over LANG.
    LC_ALL: plain(z.string().optional()),
    LANG: plain(z.string().optional()),
    // Insights (src/insights): the question log and feedback.
    INSIGHTS: setting(z.enum(['on', 'off']).default('on'), 'INSIGHTS must be on or off', lowercased),
    INSIGHTS_SALT: setting(
      z.string().min(16).optional(),
      'INSIGHTS_SALT must be at least 16 characters (e.g. `openssl rand -hex 32`)',
    ),
    INSIGHTS_RETENTION_DAYS: wholeNumber('INSIGHTS_RETENTION_DAYS', {
      min: 1,
      fallback: 90,
      message:
        'INSIGHTS_RETENTION_DAYS must be at least 1 (a whole number of days), e.g. INSIGHTS_RETENTION_DAYS=90',
    }),
    DATABASE_URL: setting(
      z
        .string()
        .regex(/^(?:file:|postgres(?:ql)?:\/\/)/i)
        .optional(),
      'DATABASE_URL must be file:<path> (SQLite, e.g. file:data/factdesk.db) or postgres://user:password@host:5432/db',
    ),
  })
  .check((ctx) => {
    if (ctx.value.DISCORD_TOKEN && !ctx.value.DISCORD_APPLICATION_ID) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['DISCORD_APPLICATION_ID'],
        params: { acrossSettings: true },
        message:
          'DISCORD_APPLICATION_ID is required with DISCORD_TOKEN: copy the Application ID from the Developer Portal → General Information',
      });
    }
  });

/** The one message of the setting at fault (the issue's own for a check across settings). */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && issue.params?.acrossSettings) return issue.message;
  const name = String(issue.path[0] ?? '');
  const field = (ConfigSchema.shape as Record<string, z.ZodType | undefined>)[name];
  return field?.description ?? issue.message;
}

export type Config = z.output<typeof ConfigSchema>;

/** The configuration is invalid; the message lists every variable at fault and how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates the environment once. Reads `.env` from the working folder first when it exists
 * (variables already set win).
 *
 * @throws {ConfigError} naming each variable at fault.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  { dotenv = '.env' }: { dotenv?: string | false } = {},
): Config {
  if (dotenv && env === process.env && existsSync(dotenv)) process.loadEnvFile(dotenv);
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    // One line per variable at fault, naming it and the fix.
    const lines = result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'config'}: ${messageOf(issue)}`,
    );
    throw new ConfigError([...new Set(lines)].join('\n'));
  }
  return result.data;
}
