/** Unit tests of the fake Discord's validators and of the committed OpenAPI subset. */
import { readFileSync } from 'node:fs';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { SUBSET_PATH } from '../../scripts/extract-discord-schemas.js';
import {
  validateAgainstSpec,
  validateAutocompleteResult,
  validateCommands,
  validateInteractionCallback,
  validateMessagePayload,
  validateRequestBody,
} from './validate.js';

const SAFE = { parse: [] };
const button = (id: string, label = id) => ({ type: 2, style: 1, custom_id: id, label });
const row = (...components: unknown[]) => ({ type: 1, components });

describe('validateMessagePayload', () => {
  it('accepts a normal answer built with discord.js builders', () => {
    const embed = new EmbedBuilder()
      .setTitle('Answer')
      .setDescription('The capital is Paris.')
      .addFields({ name: 'Source', value: 'handbook.md §2' })
      .setFooter({ text: 'factdesk' })
      .setTimestamp()
      .setImage('attachment://figure.png');
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setURL('https://example.com/doc').setLabel('Open').setStyle(ButtonStyle.Link),
    );
    const body = {
      content: 'Paris',
      embeds: [embed.toJSON()],
      components: [buttons.toJSON()],
      allowed_mentions: SAFE,
    };
    expect(validateMessagePayload(body)).toEqual([]);
    expect(validateRequestBody('create_message', body)).toEqual([]);
    expect(validateRequestBody('create_interaction_response', { type: 4, data: body })).toEqual([]);
  });

  it('checks content length in code points', () => {
    expect(validateMessagePayload({ content: '😀'.repeat(2000), allowed_mentions: SAFE })).toEqual([]);
    expect(validateMessagePayload({ content: 'x'.repeat(2001), allowed_mentions: SAFE })).toEqual([
      'content: 2001 characters (max 2000)',
    ]);
  });

  it('requires allowed_mentions without everyone/roles/users parsing, but allows explicit users', () => {
    expect(validateMessagePayload({ content: 'hi' })).toEqual([
      'allowed_mentions: missing (every message must set allowed_mentions, e.g. { parse: [] })',
    ]);
    expect(
      validateMessagePayload({ content: 'hi', allowed_mentions: { parse: ['everyone', 'roles', 'users'] } }),
    ).toHaveLength(3);
    expect(
      validateMessagePayload({
        content: 'hi',
        allowed_mentions: { parse: [], users: ['123456789012345678'] },
      }),
    ).toEqual([]);
  });

  it('checks embed limits, including the 6000-character total', () => {
    const big = { description: 'd'.repeat(4096), allowed_mentions: SAFE };
    expect(validateMessagePayload({ embeds: [big, big], allowed_mentions: SAFE })).toEqual([
      'embeds: 8192 characters in all embeds together (max 6000)',
    ]);
    const embed = {
      title: 't'.repeat(257),
      description: 'd'.repeat(4097),
      fields: Array.from({ length: 26 }, () => ({ name: 'n'.repeat(257), value: 'v'.repeat(1025) })),
      footer: { text: 'f'.repeat(2049) },
      author: { name: 'a'.repeat(257) },
    };
    const problems = validateMessagePayload({ embeds: Array(11).fill(embed), allowed_mentions: SAFE });
    for (const expected of [
      'embeds: 11 embeds (max 10)',
      'embeds[0].title: 257 characters (max 256)',
      'embeds[0].description: 4097 characters (max 4096)',
      'embeds[0].fields: 26 fields (max 25)',
      'embeds[0].fields[0].name: 257 characters (max 256)',
      'embeds[0].fields[0].value: 1025 characters (max 1024)',
      'embeds[0].footer.text: 2049 characters (max 2048)',
      'embeds[0].author.name: 257 characters (max 256)',
    ]) {
      expect(problems).toContain(expected);
    }
  });

  it('checks action rows, buttons, custom ids and labels', () => {
    const sixRows = Array.from({ length: 6 }, (_, i) => row(button(`b${i}`)));
    expect(validateMessagePayload({ components: sixRows, allowed_mentions: SAFE })).toEqual([
      'components: 6 action rows (max 5)',
    ]);
    const sixButtons = row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)));
    expect(validateMessagePayload({ components: [sixButtons], allowed_mentions: SAFE })).toEqual([
      'components[0]: 6 buttons in one row (max 5)',
    ]);
    const long = row(button('i'.repeat(101), 'l'.repeat(81)), button('dup'), button('dup'));
    expect(validateMessagePayload({ components: [long], allowed_mentions: SAFE })).toEqual([
      'components[0].components[0].custom_id: 101 characters (max 100)',
      'components[0].components[0].label: 81 characters (max 80)',
      'components[0].components[2].custom_id: "dup" is used twice in one message',
    ]);
  });

  it('treats edits as partial but creations as needing something to show', () => {
    expect(validateMessagePayload({ allowed_mentions: SAFE }, { kind: 'edit' })).toEqual([]);
    expect(validateMessagePayload({ allowed_mentions: SAFE })).toEqual([
      'body: empty message (no content, embeds, components or files)',
    ]);
  });
});

describe('interaction callbacks and commands', () => {
  it('validates callback data by type', () => {
    expect(validateInteractionCallback({ type: 5, data: { flags: 64 } })).toEqual([]);
    expect(validateInteractionCallback({ type: 7, data: { content: 'x'.repeat(2001) } })).toEqual([
      'data.content: 2001 characters (max 2000)',
      'data.allowed_mentions: missing (every message must set allowed_mentions, e.g. { parse: [] })',
    ]);
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: 'v'.repeat(101) }));
    const problems = validateAutocompleteResult({ choices });
    expect(problems[0]).toBe('data.choices: 26 choices (max 25)');
    expect(problems).toContain('data.choices[0].value: 101 characters (max 100)');
  });

  it('validates callbacks against the variant of their type in the spec', () => {
    expect(validateAgainstSpec('create_interaction_response', { type: 8, data: { choices: [] } })).toEqual(
      [],
    );
    expect(
      validateAgainstSpec('create_interaction_response', { type: 4, data: { embeds: [{ title: 5 }] } }),
    ).toEqual(['/data/embeds/0/title must be string,null']);
    expect(validateAgainstSpec('create_interaction_response', { type: 42 })).toEqual([
      '/type 42 matches no variant of create_interaction_response',
    ]);
  });

  it('accepts discord.js command builders (string default_member_permissions tolerated) and checks limits', () => {
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask a question')
      .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages)
      .addStringOption((o) =>
        o.setName('question').setDescription('What to ask').setRequired(true).setAutocomplete(true),
      )
      .toJSON();
    expect(
      validateRequestBody('bulk_set_application_commands', [ask, { name: 'Ask factdesk', type: 3 }]),
    ).toEqual([]);

    const bad = {
      name: 'Ask',
      description: 'd'.repeat(101),
      options: Array.from({ length: 26 }, (_, i) => ({
        name: `o${i}`,
        description: 'x'.repeat(101),
        type: 3,
      })),
    };
    const problems = validateCommands([bad, bad]);
    expect(problems).toContain(
      '[0].name: "Ask" is not a valid lowercase slash-command name (1-32 characters)',
    );
    expect(problems).toContain('[0].description: 101 characters (max 100)');
    expect(problems).toContain('[0].options: 26 options (max 25)');
    expect(problems).toContain('[0].options[0].description: 101 characters (max 100)');
    expect(problems).toContain('command "Ask" (type 1) registered twice');
  });
});

describe('openapi-subset.json', () => {
  it('carries the licence note and the operations the fake validates', () => {
    const subset = JSON.parse(readFileSync(SUBSET_PATH, 'utf8'));
    expect(subset.$comment).toContain('MIT');
    expect(readFileSync(new URL('./OPENAPI-LICENSE', import.meta.url), 'utf8')).toContain('MIT License');
    expect(Object.keys(subset.operations).sort()).toEqual([
      'bulk_set_application_commands',
      'bulk_set_guild_application_commands',
      'create_application_command',
      'create_guild_application_command',
      'create_interaction_response',
      'create_message',
      'execute_webhook',
      'update_original_webhook_message',
      'update_webhook_message',
    ]);
  });
});
