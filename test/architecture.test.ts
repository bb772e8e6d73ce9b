import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buttonsByPrefix, COMMANDS, commandDefinitions, commandsByName } from '../commands/index.js';
import { citeCustomId, moreCustomId } from '../commands/render/buttons.js';
import { passageKey } from '../commands/render/keys.js';
import { LIMITS } from '../commands/reply/limits.js';
import { LIMITS as DISCORD } from './fake-discord/validate.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file).split(path.sep).join('/'));
}

/** What a file imports, read by TypeScript's own parser: package names, and our files relative to the root. */
function importsOf(file: string): { packages: string[]; files: string[] } {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  const packages: string[] = [];
  const files: string[] = [];
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) packages.push(fileName);
    else
      files.push(
        path
          .relative(ROOT, path.resolve(ROOT, path.dirname(file), fileName))
          .split(path.sep)
          .join('/')
          .replace(/\.js$/, '.ts'),
      );
  }
  return { packages, files };
}

/** The layer of a file: core ← commands ← outer (runtime, transports, cli, entry point). */
function layerOf(file: string): 'core' | 'commands' | 'outer' | 'other' {
  if (file.startsWith('commands/')) return 'commands';
  if (/^src\/(runtime|transports|cli)\//.test(file) || file === 'src/main.ts') return 'outer';
  if (file.startsWith('src/')) return 'core';
  return 'other';
}

const FILES = [...sourceFiles('src'), ...sourceFiles('commands')];
const EDGES = FILES.flatMap((from) => importsOf(from).files.map((to) => ({ from, to })));

describe('the import parser', () => {
  it('sees real imports, type-only and re-exports included, and no strings in comments', () => {
    expect(EDGES).toContainEqual({ from: 'commands/index.ts', to: 'commands/ask.ts' });
    expect(EDGES).toContainEqual({ from: 'src/transports/gateway.ts', to: 'src/transports/respond.ts' });
    expect(EDGES.length).toBeGreaterThan(100);
  });
});

describe('the layers (core ← commands ← runtime, transports, cli)', () => {
  const RANK = { core: 0, commands: 1, outer: 2, other: 3 } as const;

  it('point one way: no file imports a layer outside its own', () => {
    const upward = EDGES.filter(({ from, to }) => RANK[layerOf(to)] > RANK[layerOf(from)]).map(
      ({ from, to }) => `${from} → ${to}`,
    );
    expect(FILES.filter((file) => layerOf(file) === 'core').length).toBeGreaterThan(10);
    expect(upward).toEqual([]);
  });

  it('keep Discord out of the core', () => {
    const offenders = FILES.filter((file) => layerOf(file) === 'core').filter((file) =>
      importsOf(file).packages.some((name) => /^(discord\.js|discord-api-types|@discordjs\/)/.test(name)),
    );
    expect(offenders).toEqual([]);
  });

  it('keep commands from importing each other: shared helpers live in commands/render and commands/reply', () => {
    const isCommand = (file: string) =>
      /^commands\/(buttons\/)?[^/]+\.ts$/.test(file) &&
      !['commands/index.ts', 'commands/dispatch.ts', 'commands/types.ts'].includes(file);
    const crossing = EDGES.filter(({ from, to }) => isCommand(from) && isCommand(to)).map(
      ({ from, to }) => `${from} → ${to}`,
    );
    expect(crossing).toEqual([]);
  });

  it('keep transports apart: an adapter imports no other adapter, only the shared reply code', () => {
    const adapterOf = (file: string) =>
      /^src\/transports\/(gateway|console|shards)\.ts$/.test(file)
        ? file
        : file.startsWith('src/transports/http/')
          ? 'http'
          : undefined;
    const crossing = EDGES.filter(({ from, to }) => {
      const a = adapterOf(from);
      const b = adapterOf(to);
      return a !== undefined && b !== undefined && a !== b;
    }).map(({ from, to }) => `${from} → ${to}`);
    expect(crossing).toEqual([]);
  });

  it('keep the rate limit (transport policy) out of commands/', () => {
    expect(FILES.filter((file) => file.startsWith('commands/') && /rate-limit/.test(file))).toEqual([]);
  });
});

describe('the command list', () => {
  it('serves registration and dispatch from the same definitions', () => {
    expect(commandDefinitions().map((d) => d.name)).toEqual(COMMANDS.map((c) => c.definition.name));
    for (const definition of commandDefinitions())
      expect(commandsByName.get(definition.name)?.definition).toBe(definition);
  });

  it('has one file per command and button', () => {
    const files = readdirSync(path.join(ROOT, 'commands')).filter((f) => f.endsWith('.ts'));
    for (const name of commandsByName.keys()) {
      const file = `${name.toLowerCase().replace(/\s+/g, '-')}.ts`;
      expect(files).toContain(file);
    }
    const buttons = readdirSync(path.join(ROOT, 'commands/buttons'));
    for (const prefix of buttonsByPrefix.keys()) expect(buttons).toContain(`${prefix}.ts`);
  });

  it('keeps every definition within Discord limits', () => {
    for (const definition of commandDefinitions()) {
      expect(definition.name.length).toBeLessThanOrEqual(32);
      if ('description' in definition && definition.description)
        expect(definition.description.length).toBeLessThanOrEqual(100);
      for (const option of ('options' in definition ? definition.options : undefined) ?? []) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("use the limits Discord documents (the fake Discord's own table, written from the docs)", () => {
    expect(LIMITS).toMatchObject({
      content: DISCORD.content,
      embeds: DISCORD.embeds,
      embedTitle: DISCORD.embedTitle,
      embedDescription: DISCORD.embedDescription,
      embedFields: DISCORD.embedFields,
      fieldName: DISCORD.embedFieldName,
      fieldValue: DISCORD.embedFieldValue,
      footerText: DISCORD.embedFooterText,
      authorName: DISCORD.embedAuthorName,
      embedTotal: DISCORD.embedTotal,
      actionRows: DISCORD.actionRows,
      buttonsPerRow: DISCORD.componentsPerRow,
      customId: DISCORD.customId,
      buttonLabel: DISCORD.buttonLabel,
      choices: DISCORD.autocompleteChoices,
      choiceName: DISCORD.choiceText,
      choiceValue: DISCORD.choiceText,
    });
  });

  it('make custom ids that always fit, at the largest offset and with every key', () => {
    const keys = Array.from({ length: 40 }, (_, i) => passageKey({ id: `d#p${i}`, text: 't' }));
    expect(moreCustomId(999, keys).length).toBeLessThanOrEqual(LIMITS.customId);
    expect(citeCustomId(keys).length).toBeLessThanOrEqual(LIMITS.customId);
  });
});
