/**
 * Extracts the request-body schemas the fake Discord validates from Discord's official OpenAPI
 * description into `test/fake-discord/openapi-subset.json`, with every schema they transitively
 * `$ref`, and copies the spec's MIT licence next to it.
 *
 * The full description (1.2 MB, from the discord/discord-api-spec repository) is not part of this
 * project: tests use the committed subset. Re-run after updating the spec, or check that the
 * committed subset is what the spec gives (`--check`, exit 1 when stale):
 *
 *   npx tsx scripts/extract-discord-schemas.ts [--check] [path/to/openapi.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** An operation whose JSON request body the fake validates, named by its path template in the spec. */
export interface WantedOperation {
  method: 'post' | 'put' | 'patch';
  /** Path template; parameter names do not matter (`{application_id}` matches `{webhook_id}`). */
  path: string;
}

/** The operations the fake Discord serves and validates. */
export const WANTED_OPERATIONS: readonly WantedOperation[] = [
  { method: 'post', path: '/interactions/{interaction_id}/{interaction_token}/callback' },
  { method: 'post', path: '/webhooks/{application_id}/{webhook_token}' },
  { method: 'patch', path: '/webhooks/{application_id}/{webhook_token}/messages/@original' },
  { method: 'patch', path: '/webhooks/{application_id}/{webhook_token}/messages/{message_id}' },
  { method: 'post', path: '/channels/{channel_id}/messages' },
  { method: 'put', path: '/applications/{application_id}/commands' },
  { method: 'post', path: '/applications/{application_id}/commands' },
  { method: 'put', path: '/applications/{application_id}/guilds/{guild_id}/commands' },
  { method: 'post', path: '/applications/{application_id}/guilds/{guild_id}/commands' },
];

type Json = Record<string, unknown>;

/** One extracted operation in the subset file, keyed by the spec's `operationId`. */
export interface SubsetOperation {
  method: string;
  path: string;
  /** The `application/json` request-body schema, `$ref`s pointing at `#/components/schemas/*`. */
  requestBody: unknown;
}

/** Shape of `openapi-subset.json`. */
export interface OpenApiSubset {
  $comment: string;
  source: { title: string; version: string; commit: string | null; license: string };
  operations: Record<string, SubsetOperation>;
  components: { schemas: Record<string, unknown> };
}

const SCHEMA_PREFIX = '#/components/schemas/';

const normalizePath = (path: string): string => path.replace(/\{[^}]+\}/g, '{}');

function collectRefs(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith(SCHEMA_PREFIX)) throw new Error(`Unsupported $ref ${value}`);
        found.add(value.slice(SCHEMA_PREFIX.length));
      } else {
        collectRefs(value, found);
      }
    }
  }
}

/**
 * Builds the subset from a parsed OpenAPI document: the wanted operations' JSON request bodies and
 * the transitive closure of the component schemas they reference (sorted, so output is stable).
 */
export function extractSubset(spec: Json, commit: string | null = null): OpenApiSubset {
  const paths = spec.paths as Record<string, Record<string, Json>>;
  const schemas = (spec.components as { schemas: Record<string, unknown> }).schemas;
  const operations: Record<string, SubsetOperation> = {};
  const refs = new Set<string>();

  for (const wanted of WANTED_OPERATIONS) {
    const specPath = Object.keys(paths).find((p) => normalizePath(p) === normalizePath(wanted.path));
    const op = specPath ? paths[specPath]?.[wanted.method] : undefined;
    if (!specPath || !op)
      throw new Error(`Operation ${wanted.method.toUpperCase()} ${wanted.path} not in spec`);
    const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)
      ?.content?.['application/json']?.schema;
    if (!body) throw new Error(`Operation ${op.operationId} has no application/json request body`);
    operations[String(op.operationId)] = {
      method: wanted.method.toUpperCase(),
      path: specPath,
      requestBody: body,
    };
    collectRefs(body, refs);
  }

  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (!(name in schemas)) throw new Error(`Schema ${name} referenced but not defined`);
    const before = new Set(refs);
    collectRefs(schemas[name], refs);
    for (const ref of refs) if (!before.has(ref)) queue.push(ref);
  }

  const info = spec.info as {
    title?: string;
    version?: string;
    license?: { identifier?: string; name?: string };
  };
  return {
    $comment:
      'Generated by scripts/extract-discord-schemas.ts from Discord’s official OpenAPI description ' +
      '(discord/discord-api-spec, MIT licence: see OPENAPI-LICENSE). Do not edit by hand.',
    source: {
      title: info.title ?? '',
      version: info.version ?? '',
      commit,
      license: info.license?.identifier ?? info.license?.name ?? 'MIT',
    },
    operations,
    components: { schemas: Object.fromEntries([...refs].sort().map((name) => [name, schemas[name]])) },
  };
}

/** Reads the spec commit from the shared README ("commit 74fda0f"), if it says. */
function readCommit(specDir: string): string | null {
  const readme = join(specDir, 'README.md');
  if (!existsSync(readme)) return null;
  return /commit ([0-9a-f]{7,40})/.exec(readFileSync(readme, 'utf8'))?.[1] ?? null;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Default location of the shared spec, relative to this repository. */
export const DEFAULT_SPEC_PATH = resolve(here, '../../shared/discord/openapi.json');
/** Where the subset is written. */
export const SUBSET_PATH = resolve(here, '../test/fake-discord/openapi-subset.json');

/** Serialises a subset exactly as it is committed. */
export const serializeSubset = (subset: OpenApiSubset): string => `${JSON.stringify(subset, null, 1)}\n`;

/** Reads `specPath`, returns the subset it yields (used by the script and the freshness test). */
export function extractFromFile(specPath: string = DEFAULT_SPEC_PATH): OpenApiSubset {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Json;
  return extractSubset(spec, readCommit(dirname(specPath)));
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const specPath = resolve(args.find((arg) => !arg.startsWith('--')) ?? DEFAULT_SPEC_PATH);
  const subset = extractFromFile(specPath);
  if (check) {
    const fresh = readFileSync(SUBSET_PATH, 'utf8') === serializeSubset(subset);
    console.log(
      fresh ? `${SUBSET_PATH} matches ${specPath}` : `${SUBSET_PATH} is stale: re-run without --check`,
    );
    process.exitCode = fresh ? 0 : 1;
    return;
  }
  writeFileSync(SUBSET_PATH, serializeSubset(subset));
  const licence = join(dirname(specPath), 'LICENSE');
  // Copy the text, not the file: the shared folder is read-only and its mode would come along.
  if (existsSync(licence))
    writeFileSync(join(dirname(SUBSET_PATH), 'OPENAPI-LICENSE'), readFileSync(licence));
  const count = Object.keys(subset.components.schemas).length;
  console.log(`Wrote ${SUBSET_PATH}: ${Object.keys(subset.operations).length} operations, ${count} schemas`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
