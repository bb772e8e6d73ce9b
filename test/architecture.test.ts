import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsByPrefix, COMMANDS, commandDefinitions, commandsByName } from '../commands/index.js';
import { LIMITS } from '../commands/reply/limits.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

/** The core: everything in src/ but the transports, the runtime wiring and the entry points. */
const CORE = sourceFiles('src').filter(
  (file) => !/^src\/(transports|runtime|cli)\/|^src\/main\.ts$/.test(file),
);

describe('the core', () => {
  it('imports nothing of Discord or of the command layer', () => {
    const offenders = CORE.filter((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      return /from '(discord\.js|discord-api-types[^']*|@discordjs\/[^']*)'|from '(\.\.\/)+commands\//.test(
        text,
      );
    });
    expect(CORE.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
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
    expect(LIMITS.customId).toBe(100);
  });
});
