/**
 * Validation of the request bodies a bot sends to Discord: against Discord's official OpenAPI
 * description (the committed subset in `openapi-subset.json`) and against Discord's documented
 * limits, plus factdesk's own policy that every message carries a safe `allowed_mentions`.
 *
 * Every function returns a list of human-readable problems (empty when the body is fine) and never
 * throws, so reply-module unit tests can call them directly:
 *
 * ```ts
 * expect(validateMessagePayload({ content: 'hi', allowed_mentions: { parse: [] } })).toEqual([]);
 * ```
 *
 * Lengths are counted in Unicode code points, as Discord's API does.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiSubset } from '../../scripts/extract-discord-schemas.js';
import { charLength, isObject, type Json } from './util.js';

/** The spec operations (Discord `operationId`s) whose request bodies the fake validates. */
export type SpecOperation =
  | 'create_interaction_response'
  | 'execute_webhook'
  | 'update_original_webhook_message'
  | 'update_webhook_message'
  | 'create_message'
  | 'bulk_set_application_commands'
  | 'create_application_command'
  | 'bulk_set_guild_application_commands'
  | 'create_guild_application_command';

/** Discord's documented limits, as checked here. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  attachments: 10,
  autocompleteChoices: 25,
  choiceText: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  commandTotalText: 4000,
  chatInputCommands: 100,
  contextMenuCommands: 15,
  modalTitle: 45,
  modalRows: 5,
} as const;

/** `allowed_mentions.parse` values that would let a bot ping people or roles it did not mean to. */
export const FORBIDDEN_MENTION_PARSE = ['everyone', 'roles', 'users'] as const;

const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;

// ---------------------------------------------------------------------------------------------
// OpenAPI validation

const SUBSET_ID = 'https://fake-discord.invalid/openapi-subset.json';
let specState: { ajv: Ajv2020; subset: OpenApiSubset; compiled: Map<string, ValidateFunction> } | undefined;

function spec() {
  if (!specState) {
    const subset = JSON.parse(
      readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8'),
    ) as OpenApiSubset;
    // strict: false lets the spec's vendor keywords (x-discord-union) and OpenAPI extras through.
    const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, logger: false });
    addFormats.default(ajv);
    // Formats the spec uses that ajv-formats does not know.
    ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
    ajv.addFormat('nonce', true);
    ajv.addSchema({ ...subset, $id: SUBSET_ID });
    specState = { ajv, subset, compiled: new Map() };
  }
  return specState;
}

function compiled(pointer: string): ValidateFunction {
  const state = spec();
  let fn = state.compiled.get(pointer);
  if (!fn) {
    fn = state.ajv.compile({ $ref: `${SUBSET_ID}#${pointer}` });
    state.compiled.set(pointer, fn);
  }
  return fn;
}

/**
 * Places where Discord's OpenAPI description is stricter than Discord itself and than what
 * discord.js sends; matching errors are ignored.
 */
const SPEC_TOLERANCES: ReadonlyArray<{ why: string; matches: (e: ErrorObject) => boolean }> = [
  {
    why:
      'Permissions are strings in the API (docs: "?string"); the spec says integer, and discord.js ' +
      'builders send setDefaultMemberPermissions() as a string such as "2048".',
    matches: (e) =>
      e.instancePath.endsWith('/default_member_permissions') &&
      e.keyword === 'type' &&
      typeof e.data === 'string' &&
      /^\d+$/.test(e.data),
  },
];

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  const tolerated = (e: ErrorObject) => SPEC_TOLERANCES.some((t) => t.matches(e));
  const all = (errors ?? []).filter((e) => !tolerated(e));
  // The `{ type: 'null' }` branch of every nullable oneOf fails too; its error is noise, and so are
  // the oneOf/anyOf summaries when a more precise error explains them.
  const leaves = all.filter(
    (e) =>
      !(e.keyword === 'type' && e.params.type === 'null') && e.keyword !== 'oneOf' && e.keyword !== 'anyOf',
  );
  if (leaves.length === 0 && (errors ?? []).some(tolerated)) return [];
  const chosen = leaves.length > 0 ? leaves : all;
  const lines = new Set<string>();
  for (const e of chosen) {
    let detail = e.message ?? e.keyword;
    if (e.keyword === 'additionalProperties') detail += ` (${String(e.params.additionalProperty)})`;
    if (e.keyword === 'enum' || e.keyword === 'const') detail += ` ${JSON.stringify(e.params)}`;
    lines.add(`${e.instancePath || '(body)'} ${detail}`);
  }
  const list = [...lines];
  return list.length > 10 ? [...list.slice(0, 10), `… and ${list.length - 10} more`] : list;
}

/** The `type` values a schema's `type` property admits (for discriminating callback variants). */
function typeDiscriminator(schema: unknown): number[] | undefined {
  const typeProp = isObject(schema) && isObject(schema.properties) ? schema.properties.type : undefined;
  if (!isObject(typeProp)) return undefined;
  if (Array.isArray(typeProp.enum)) return typeProp.enum as number[];
  if (typeof typeProp.const === 'number') return [typeProp.const];
  return undefined;
}

/**
 * Validates `body` against the JSON request-body schema of a Discord operation. When the schema is
 * a union of variants distinguished by `type` (interaction callbacks), only the variant(s) for the
 * body's `type` are checked, so problems name the real mistake rather than every variant's.
 */
export function validateAgainstSpec(operation: SpecOperation, body: unknown): string[] {
  const { subset } = spec();
  const op = subset.operations[operation];
  if (!op) return [`unknown operation ${operation}`];
  const schema = op.requestBody as Json;
  const variants = (schema.anyOf ?? schema.oneOf) as Array<{ $ref?: string }> | undefined;
  if (!variants?.every((v) => typeof v.$ref === 'string')) {
    const fn = compiled(`/operations/${operation}/requestBody`);
    return fn(body) ? [] : formatAjvErrors(fn.errors);
  }
  const pointers = variants.map((v) => (v.$ref as string).slice(1));
  const bodyType = isObject(body) ? body.type : undefined;
  const matching = pointers.filter((pointer) => {
    const name = pointer.split('/').pop() as string;
    const types = typeDiscriminator(subset.components.schemas[name]);
    return types === undefined || typeof bodyType !== 'number' || types.includes(bodyType);
  });
  if (matching.length === 0) return [`/type ${JSON.stringify(bodyType)} matches no variant of ${operation}`];
  let firstErrors: string[] | undefined;
  for (const pointer of matching) {
    const fn = compiled(pointer);
    const errors = fn(body) ? [] : formatAjvErrors(fn.errors);
    if (errors.length === 0) return [];
    firstErrors ??= errors;
  }
  return firstErrors ?? [];
}

// ---------------------------------------------------------------------------------------------
// Limit checks

function tooLong(value: unknown, max: number, where: string, problems: string[], min = 0): void {
  if (value === undefined || value === null) {
    if (min > 0) problems.push(`${where}: missing (required, ${min}-${max} characters)`);
    return;
  }
  if (typeof value !== 'string') {
    problems.push(`${where}: not a string`);
    return;
  }
  const n = charLength(value);
  if (n > max) problems.push(`${where}: ${n} characters (max ${max})`);
  else if (n < min) problems.push(`${where}: ${n} characters (min ${min})`);
}

const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Checks `allowed_mentions`: present (if required) and not parsing everyone/roles/users. */
export function validateAllowedMentions(
  value: unknown,
  where = 'allowed_mentions',
  required = true,
): string[] {
  if (value === undefined || value === null) {
    return required
      ? [`${where}: missing (every message must set allowed_mentions, e.g. { parse: [] })`]
      : [];
  }
  if (!isObject(value)) return [`${where}: not an object`];
  const problems: string[] = [];
  for (const kind of arrayOf(value.parse)) {
    if ((FORBIDDEN_MENTION_PARSE as readonly unknown[]).includes(kind)) {
      problems.push(`${where}.parse: contains "${String(kind)}" (may ping; list explicit users instead)`);
    }
  }
  return problems;
}

/** Checks one message's embeds against Discord's per-field limits and the 6000-character total. */
export function validateEmbeds(embeds: unknown, where = 'embeds'): string[] {
  const problems: string[] = [];
  if (embeds === undefined || embeds === null) return problems;
  if (!Array.isArray(embeds)) return [`${where}: not an array`];
  if (embeds.length > LIMITS.embeds)
    problems.push(`${where}: ${embeds.length} embeds (max ${LIMITS.embeds})`);
  let total = 0;
  const count = (text: unknown) => {
    if (typeof text === 'string') total += charLength(text);
  };
  embeds.forEach((embed, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(embed)) {
      problems.push(`${at}: not an object`);
      return;
    }
    tooLong(embed.title, LIMITS.embedTitle, `${at}.title`, problems);
    tooLong(embed.description, LIMITS.embedDescription, `${at}.description`, problems);
    count(embed.title);
    count(embed.description);
    const fields = arrayOf(embed.fields);
    if (fields.length > LIMITS.embedFields) {
      problems.push(`${at}.fields: ${fields.length} fields (max ${LIMITS.embedFields})`);
    }
    fields.forEach((field, j) => {
      const f = isObject(field) ? field : {};
      tooLong(f.name, LIMITS.embedFieldName, `${at}.fields[${j}].name`, problems, 1);
      tooLong(f.value, LIMITS.embedFieldValue, `${at}.fields[${j}].value`, problems, 1);
      count(f.name);
      count(f.value);
    });
    if (isObject(embed.footer)) {
      tooLong(embed.footer.text, LIMITS.embedFooterText, `${at}.footer.text`, problems);
      count(embed.footer.text);
    }
    if (isObject(embed.author)) {
      tooLong(embed.author.name, LIMITS.embedAuthorName, `${at}.author.name`, problems);
      count(embed.author.name);
    }
  });
  if (total > LIMITS.embedTotal) {
    problems.push(`${where}: ${total} characters in all embeds together (max ${LIMITS.embedTotal})`);
  }
  return problems;
}

/** Walks components (any depth) checking custom_id length and uniqueness, labels, selects. */
function checkComponentTree(
  components: unknown[],
  where: string,
  problems: string[],
  seenIds: Set<string>,
): void {
  components.forEach((component, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(component)) {
      problems.push(`${at}: not an object`);
      return;
    }
    if (component.custom_id !== undefined) {
      tooLong(component.custom_id, LIMITS.customId, `${at}.custom_id`, problems, 1);
      const id = String(component.custom_id);
      if (seenIds.has(id)) problems.push(`${at}.custom_id: "${id}" is used twice in one message`);
      seenIds.add(id);
    }
    if (component.type === 2) {
      tooLong(component.label, LIMITS.buttonLabel, `${at}.label`, problems);
      const isLink = component.style === 5;
      const isPremium = component.style === 6;
      if (isLink && !component.url) problems.push(`${at}: link button without url`);
      if (isLink && component.custom_id !== undefined) problems.push(`${at}: link button with custom_id`);
      if (!isLink && !isPremium && component.custom_id === undefined)
        problems.push(`${at}: button without custom_id`);
    }
    if (component.type === 3) {
      const options = arrayOf(component.options);
      if (options.length < 1 || options.length > LIMITS.selectOptions) {
        problems.push(`${at}.options: ${options.length} options (1-${LIMITS.selectOptions})`);
      }
      options.forEach((option, j) => {
        const o = isObject(option) ? option : {};
        tooLong(o.label, LIMITS.selectOptionText, `${at}.options[${j}].label`, problems, 1);
        tooLong(o.value, LIMITS.selectOptionText, `${at}.options[${j}].value`, problems, 1);
        tooLong(o.description, LIMITS.selectOptionText, `${at}.options[${j}].description`, problems);
      });
    }
    if ([3, 5, 6, 7, 8].includes(component.type as number)) {
      tooLong(component.placeholder, LIMITS.selectPlaceholder, `${at}.placeholder`, problems);
    }
    if (Array.isArray(component.components)) {
      checkComponentTree(component.components, `${at}.components`, problems, seenIds);
    }
    if (isObject(component.accessory)) {
      checkComponentTree([component.accessory], `${at}.accessory`, problems, seenIds);
    }
  });
}

/** Checks a message's components: ≤ 5 action rows of ≤ 5 buttons (or one select), ids, labels. */
export function validateComponents(components: unknown, flags: unknown = 0, where = 'components'): string[] {
  const problems: string[] = [];
  if (components === undefined || components === null) return problems;
  if (!Array.isArray(components)) return [`${where}: not an array`];
  const v2 = typeof flags === 'number' && (flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  if (!v2) {
    if (components.length > LIMITS.actionRows) {
      problems.push(`${where}: ${components.length} action rows (max ${LIMITS.actionRows})`);
    }
    components.forEach((row, i) => {
      if (!isObject(row) || row.type !== 1) {
        problems.push(`${where}[${i}]: top-level component is not an action row (type 1)`);
        return;
      }
      const children = arrayOf(row.components);
      const buttons = children.filter((c) => isObject(c) && c.type === 2).length;
      if (children.length === 0) problems.push(`${where}[${i}]: empty action row`);
      if (buttons > LIMITS.componentsPerRow) {
        problems.push(`${where}[${i}]: ${buttons} buttons in one row (max ${LIMITS.componentsPerRow})`);
      }
      if (children.length > buttons && children.length > 1) {
        problems.push(`${where}[${i}]: a select menu must be alone in its action row`);
      }
    });
  }
  checkComponentTree(components, where, problems, new Set());
  return problems;
}

/** Options for {@link validateMessagePayload}. */
export interface MessageCheckOptions {
  /** `'create'` (default) requires something to show; `'edit'` accepts partial bodies. */
  kind?: 'create' | 'edit';
  /** Require `allowed_mentions` on the body (default true: factdesk's policy). */
  requireAllowedMentions?: boolean;
  /** Prefix for problem locations, e.g. `'data.'` for an interaction callback's data. */
  prefix?: string;
}

/**
 * Checks a message-like body (channel message, interaction reply data, webhook edit or followup)
 * against Discord's limits and the allowed_mentions policy.
 */
export function validateMessagePayload(body: unknown, options: MessageCheckOptions = {}): string[] {
  const { kind = 'create', requireAllowedMentions = true, prefix = '' } = options;
  if (!isObject(body)) return [`${prefix || 'body'}: not an object`];
  const problems: string[] = [];
  tooLong(body.content, LIMITS.content, `${prefix}content`, problems);
  problems.push(...validateEmbeds(body.embeds, `${prefix}embeds`));
  problems.push(...validateComponents(body.components, body.flags, `${prefix}components`));
  problems.push(
    ...validateAllowedMentions(body.allowed_mentions, `${prefix}allowed_mentions`, requireAllowedMentions),
  );
  const attachments = arrayOf(body.attachments);
  if (attachments.length > LIMITS.attachments) {
    problems.push(`${prefix}attachments: ${attachments.length} (max ${LIMITS.attachments})`);
  }
  const v2 = typeof body.flags === 'number' && (body.flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  if (v2 && (body.content || arrayOf(body.embeds).length > 0)) {
    problems.push(`${prefix}flags: IS_COMPONENTS_V2 messages cannot have content or embeds`);
  }
  if (kind === 'create') {
    const hasSomething =
      (typeof body.content === 'string' && body.content.length > 0) ||
      arrayOf(body.embeds).length > 0 ||
      arrayOf(body.components).length > 0 ||
      attachments.length > 0 ||
      arrayOf(body.sticker_ids).length > 0 ||
      isObject(body.poll);
    if (!hasSomething)
      problems.push(`${prefix || 'body'}: empty message (no content, embeds, components or files)`);
  }
  return problems;
}

/** Checks an autocomplete result (`data` of callback type 8): ≤ 25 choices, name/value ≤ 100. */
export function validateAutocompleteResult(data: unknown, prefix = 'data.'): string[] {
  if (!isObject(data)) return [`${prefix}choices: missing`];
  const problems: string[] = [];
  const choices = data.choices;
  if (!Array.isArray(choices)) return [`${prefix}choices: not an array`];
  if (choices.length > LIMITS.autocompleteChoices) {
    problems.push(`${prefix}choices: ${choices.length} choices (max ${LIMITS.autocompleteChoices})`);
  }
  choices.forEach((choice, i) => {
    const c = isObject(choice) ? choice : {};
    tooLong(c.name, LIMITS.choiceText, `${prefix}choices[${i}].name`, problems, 1);
    if (typeof c.value === 'string')
      tooLong(c.value, LIMITS.choiceText, `${prefix}choices[${i}].value`, problems);
  });
  return problems;
}

/** Checks an interaction callback body by type (4/7 message data, 8 choices, 9 modal). */
export function validateInteractionCallback(body: unknown): string[] {
  if (!isObject(body)) return ['body: not an object'];
  switch (body.type) {
    case 1:
      return ['type: PONG (1) only answers HTTP pings, never a gateway interaction'];
    case 4:
      return validateMessagePayload(body.data, { kind: 'create', prefix: 'data.' });
    case 7:
      return validateMessagePayload(body.data, { kind: 'edit', prefix: 'data.' });
    case 5:
    case 6:
      return [];
    case 8:
      return validateAutocompleteResult(body.data);
    case 9: {
      const data = isObject(body.data) ? body.data : {};
      const problems: string[] = [];
      tooLong(data.title, LIMITS.modalTitle, 'data.title', problems, 1);
      tooLong(data.custom_id, LIMITS.customId, 'data.custom_id', problems, 1);
      const rows = arrayOf(data.components);
      if (rows.length < 1 || rows.length > LIMITS.modalRows) {
        problems.push(`data.components: ${rows.length} components (1-${LIMITS.modalRows})`);
      }
      checkComponentTree(rows, 'data.components', problems, new Set());
      return problems;
    }
    default:
      return [`type: ${JSON.stringify(body.type)} is not an interaction callback type this fake supports`];
  }
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/**
 * Checks `name_localizations` and `description_localizations` with the rules of the default name
 * and description: a chat-input name or option name must be a valid lowercase name in every locale,
 * a context-menu name 1-32 characters, a description 1-100 characters.
 */
function checkLocalizations(
  item: Record<string, unknown>,
  where: string,
  problems: string[],
  nameRule: 'chat-input' | 'context-menu',
): void {
  for (const field of ['name_localizations', 'description_localizations'] as const) {
    const value = item[field];
    if (value === undefined || value === null) continue;
    if (!isObject(value)) {
      problems.push(`${where}.${field}: not an object`);
      continue;
    }
    for (const [locale, text] of Object.entries(value)) {
      const at = `${where}.${field}.${locale}`;
      if (field === 'description_localizations') {
        tooLong(text, LIMITS.commandDescription, at, problems, 1);
      } else if (nameRule === 'context-menu') {
        tooLong(text, LIMITS.commandName, at, problems, 1);
      } else if (typeof text !== 'string' || !CHAT_INPUT_NAME.test(text) || text !== text.toLowerCase()) {
        problems.push(`${at}: "${String(text)}" is not a valid lowercase name (1-32 characters)`);
      }
    }
  }
}

/** Two options of one command may not share a localised name in the same locale. */
function checkLocalizedNamesUnique(options: unknown[], where: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const option of options) {
    const names = isObject(option) && isObject(option.name_localizations) ? option.name_localizations : {};
    for (const [locale, name] of Object.entries(names)) {
      const key = `${locale}:${String(name)}`;
      if (seen.has(key)) problems.push(`${where}: duplicate ${locale} option name "${String(name)}"`);
      seen.add(key);
    }
  }
}

function checkOptionList(
  options: unknown,
  where: string,
  problems: string[],
  textTotal: { n: number },
): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    problems.push(`${where}: not an array`);
    return;
  }
  if (options.length > LIMITS.commandOptions) {
    problems.push(`${where}: ${options.length} options (max ${LIMITS.commandOptions})`);
  }
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(option)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const name = String(option.name ?? '');
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      problems.push(`${at}.name: "${name}" is not a valid lowercase option name (1-32 characters)`);
    }
    if (names.has(name)) problems.push(`${at}.name: duplicate option name "${name}"`);
    checkLocalizations(option, at, problems, 'chat-input');
    names.add(name);
    tooLong(option.description, LIMITS.commandDescription, `${at}.description`, problems, 1);
    textTotal.n += charLength(name) + charLength(String(option.description ?? ''));
    const isSub = option.type === 1 || option.type === 2;
    if (!isSub) {
      if (option.required === true && sawOptional)
        problems.push(`${at}: required option after an optional one`);
      if (option.required !== true) sawOptional = true;
    }
    const choices = option.choices;
    if (Array.isArray(choices)) {
      if (choices.length > LIMITS.autocompleteChoices) {
        problems.push(`${at}.choices: ${choices.length} choices (max ${LIMITS.autocompleteChoices})`);
      }
      if (choices.length > 0 && option.autocomplete === true) {
        problems.push(`${at}: autocomplete and choices are mutually exclusive`);
      }
      choices.forEach((choice, j) => {
        const c = isObject(choice) ? choice : {};
        tooLong(c.name, LIMITS.choiceText, `${at}.choices[${j}].name`, problems, 1);
        if (typeof c.value === 'string')
          tooLong(c.value, LIMITS.choiceText, `${at}.choices[${j}].value`, problems);
        textTotal.n += charLength(String(c.name ?? '')) + charLength(String(c.value ?? ''));
      });
    }
    if (isSub) checkOptionList(option.options, `${at}.options`, problems, textTotal);
  });
  checkLocalizedNamesUnique(options, where, problems);
}

/** Checks one application command registration body (name, description, options, total text). */
export function validateCommand(command: unknown, where = 'command'): string[] {
  if (!isObject(command)) return [`${where}: not an object`];
  const problems: string[] = [];
  const type = command.type ?? 1;
  const name = String(command.name ?? '');
  if (type === 1) {
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      problems.push(`${where}.name: "${name}" is not a valid lowercase slash-command name (1-32 characters)`);
    }
    tooLong(command.description, LIMITS.commandDescription, `${where}.description`, problems, 1);
  } else {
    tooLong(command.name, LIMITS.commandName, `${where}.name`, problems, 1);
    if (command.description)
      problems.push(`${where}.description: context-menu commands must have an empty description`);
    if (arrayOf(command.options).length > 0)
      problems.push(`${where}.options: context-menu commands take no options`);
  }
  checkLocalizations(command, where, problems, type === 1 ? 'chat-input' : 'context-menu');
  const textTotal = { n: charLength(name) + charLength(String(command.description ?? '')) };
  checkOptionList(command.options, `${where}.options`, problems, textTotal);
  if (textTotal.n > LIMITS.commandTotalText) {
    problems.push(
      `${where}: ${textTotal.n} characters of names, descriptions and choices (max ${LIMITS.commandTotalText})`,
    );
  }
  return problems;
}

/** Checks a bulk command registration (PUT): every command, plus per-type counts and duplicates. */
export function validateCommands(commands: unknown): string[] {
  if (!Array.isArray(commands)) return ['body: not an array of commands'];
  const problems = commands.flatMap((command, i) => validateCommand(command, `[${i}]`));
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  for (const command of commands) {
    if (!isObject(command)) continue;
    const type = Number(command.type ?? 1);
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) problems.push(`command "${String(command.name)}" (type ${type}) registered twice`);
    seen.add(key);
  }
  if ((perType.get(1) ?? 0) > LIMITS.chatInputCommands)
    problems.push(`more than ${LIMITS.chatInputCommands} slash commands`);
  for (const type of [2, 3]) {
    if ((perType.get(type) ?? 0) > LIMITS.contextMenuCommands) {
      problems.push(`more than ${LIMITS.contextMenuCommands} context-menu commands of type ${type}`);
    }
  }
  return problems;
}

/**
 * Everything the fake checks for one request body: the spec (problems prefixed `spec:`) and the
 * limits/policy for that operation.
 */
export function validateRequestBody(operation: SpecOperation, body: unknown): string[] {
  const problems = validateAgainstSpec(operation, body).map((p) => `spec: ${p}`);
  switch (operation) {
    case 'create_interaction_response':
      problems.push(...validateInteractionCallback(body));
      break;
    case 'execute_webhook':
    case 'create_message':
      problems.push(...validateMessagePayload(body, { kind: 'create' }));
      break;
    case 'update_original_webhook_message':
    case 'update_webhook_message':
      problems.push(...validateMessagePayload(body, { kind: 'edit' }));
      break;
    case 'bulk_set_application_commands':
    case 'bulk_set_guild_application_commands':
      problems.push(...validateCommands(body));
      break;
    case 'create_application_command':
    case 'create_guild_application_command':
      problems.push(...validateCommand(body));
      break;
  }
  return problems;
}
