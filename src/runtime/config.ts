import { existsSync } from 'node:fs';
import { z } from 'zod';

const snowflake = (name: string) =>
  z.string().regex(/^\d{17,20}$/, {
    error: `${name} must be a Discord id (17 to 20 digits); copy it from the Developer Portal`,
  });

const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * A whole number setting, with one message for every way it can be wrong, naming the variable,
 * the range and an example.
 */
function wholeNumber(name: string, { min, max, fallback }: { min: number; max?: number; fallback: number }) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = `${name} must be a whole number ${range}, e.g. ${name}=${fallback}`;
  return z.preprocess(
    emptyAsUndefined,
    z
      .string({ error })
      .trim()
      .regex(/^\d+$/, { error })
      .transform(Number)
      .refine((n) => n >= min && (max === undefined || n <= max), { error })
      .default(fallback as never),
  );
}

/** An optional port setting (0 to 65535). */
function optionalPort(name: string, example: number) {
  const error = `${name} must be a port number from 1 to 65535, e.g. ${name}=${example}`;
  return z.preprocess(
    emptyAsUndefined,
    z
      .string({ error })
      .trim()
      .regex(/^\d+$/, { error })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, { error })
      .optional(),
  );
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting factdesk reads, from the environment (and `.env` when present). Validated once at
 * start; a bad value stops the program with a message naming the variable and the fix.
 */
export const ConfigSchema = z
  .object({
    DISCORD_TOKEN: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .min(20, {
          error: 'DISCORD_TOKEN looks too short: copy the bot token from the Developer Portal → Bot',
        })
        .optional(),
    ),
    DISCORD_APPLICATION_ID: z.preprocess(emptyAsUndefined, snowflake('DISCORD_APPLICATION_ID').optional()),
    DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake('DISCORD_GUILD_ID').optional()),
    DISCORD_PUBLIC_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, {
          error:
            'DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Developer Portal',
        })
        .optional(),
    ),
    DISCORD_API_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({
          protocol: /^https?$/,
          error: 'DISCORD_API_URL must be an http(s) URL without version, e.g. http://127.0.0.1:8080/api',
        })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
    ),
    KNOWLEDGE_DIR: z.preprocess(emptyAsUndefined, z.string().default('knowledge')),
    KNOWLEDGE_NAME: z.preprocess(emptyAsUndefined, z.string().max(80).optional()),
    KNOWLEDGE_MAX_FILE_MB: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: 'KNOWLEDGE_MAX_FILE_MB must be a number of megabytes, e.g. 20' })
        .positive({ error: 'KNOWLEDGE_MAX_FILE_MB must be more than 0, e.g. 20' })
        .default(20),
    ),
    KNOWLEDGE_INDEX_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
    LOG_LEVEL: z.preprocess(
      (value) => (typeof value === 'string' ? emptyAsUndefined(value.trim().toLowerCase()) : value),
      z
        .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, e.g. LOG_LEVEL=info` })
        .default('info'),
    ),
    LOG_FORMAT: z.preprocess(
      (value) => (typeof value === 'string' ? emptyAsUndefined(value.trim().toLowerCase()) : value),
      z
        .enum(['json', 'pretty'], {
          error: 'LOG_FORMAT must be json or pretty (default: pretty at a terminal, json otherwise)',
        })
        .optional(),
    ),
    HOST: z.preprocess(emptyAsUndefined, z.string().trim().default('0.0.0.0')),
    PORT: wholeNumber('PORT', { min: 0, max: 65535, fallback: 3000 }),
    METRICS_TOKEN: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .min(16, {
          error: 'METRICS_TOKEN must be at least 16 characters, e.g. METRICS_TOKEN=$(openssl rand -hex 16)',
        })
        .optional(),
    ),
    METRICS_PORT: optionalPort('METRICS_PORT', 9464),
    RATE_LIMIT_MAX: wholeNumber('RATE_LIMIT_MAX', { min: 1, fallback: 5 }),
    RATE_LIMIT_WINDOW_SECONDS: z.preprocess(
      emptyAsUndefined,
      z
        .string({
          error:
            'RATE_LIMIT_WINDOW_SECONDS must be a number of seconds above 0, e.g. RATE_LIMIT_WINDOW_SECONDS=10',
        })
        .trim()
        .regex(/^\d+(\.\d+)?$/, {
          error:
            'RATE_LIMIT_WINDOW_SECONDS must be a number of seconds above 0, e.g. RATE_LIMIT_WINDOW_SECONDS=10',
        })
        .transform(Number)
        .refine((n) => n > 0, {
          error:
            'RATE_LIMIT_WINDOW_SECONDS must be a number of seconds above 0, e.g. RATE_LIMIT_WINDOW_SECONDS=10',
        })
        .default(10 as never),
    ),
    REPLICAS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: 'REPLICAS must be the number of replicas serving the endpoint, e.g. 1' })
        .int()
        .min(1)
        .default(1),
    ),
    // The console's and the CLI's language, as POSIX sets it (`zh_CN.UTF-8`); LC_ALL wins over LANG.
    LC_ALL: z.preprocess(emptyAsUndefined, z.string().optional()),
    LANG: z.preprocess(emptyAsUndefined, z.string().optional()),
    // Insights (src/insights): the question log and feedback.
    INSIGHTS: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
      z.enum(['on', 'off'], { error: 'INSIGHTS must be on or off' }).default('on'),
    ),
    INSIGHTS_SALT: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .min(16, { error: 'INSIGHTS_SALT must be at least 16 characters (e.g. `openssl rand -hex 32`)' })
        .optional(),
    ),
    INSIGHTS_RETENTION_DAYS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: 'INSIGHTS_RETENTION_DAYS must be a number of days' })
        .int({ error: 'INSIGHTS_RETENTION_DAYS must be a whole number of days' })
        .min(1, { error: 'INSIGHTS_RETENTION_DAYS must be at least 1' })
        .default(90),
    ),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^(?:file:|postgres(?:ql)?:\/\/)/i, {
          error:
            'DATABASE_URL must be file:<path> (SQLite, e.g. file:data/factdesk.db) or postgres://user:password@host:5432/db',
        })
        .optional(),
    ),
  })
  .check((ctx) => {
    if (ctx.value.DISCORD_TOKEN && !ctx.value.DISCORD_APPLICATION_ID) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['DISCORD_APPLICATION_ID'],
        message:
          'DISCORD_APPLICATION_ID is required with DISCORD_TOKEN: copy the Application ID from the Developer Portal → General Information',
      });
    }
  });

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
    const lines = result.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new ConfigError([...new Set(lines)].join('\n'));
  }
  return result.data;
}
