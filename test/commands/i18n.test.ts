import { describe, expect, it } from 'vitest';
import { en } from '../../commands/i18n/en.js';
import {
  CATALOGS,
  countOf,
  LANGUAGES,
  LOCALISED,
  languageOf,
  localeFromLang,
  t,
} from '../../commands/i18n/index.js';
import { commandDefinitions } from '../../commands/index.js';
import { validateCommands } from '../fake-discord/validate.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

// biome-ignore lint/suspicious/noExplicitAny: command definitions are walked as free-form JSON.
type Json = Record<string, any>;

describe('message catalog', () => {
  it('has every key of the English catalog in every language, non-empty, with the same placeholders', () => {
    const keys = Object.keys(en).sort();
    for (const language of LANGUAGES) {
      const catalog = CATALOGS[language] as Record<string, string>;
      expect(Object.keys(catalog).sort(), language).toEqual(keys);
      for (const key of keys) {
        const text = catalog[key] ?? '';
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('writes the Chinese catalogs in Chinese, Traditional apart from Simplified', () => {
    const sameEverywhere = new Set(['sources.footer', 'list.quoted']);
    for (const language of LOCALISED) {
      for (const [key, text] of Object.entries(CATALOGS[language])) {
        if (
          sameEverywhere.has(key) ||
          !/[A-Za-z]{3}/.test(en[key as keyof typeof en].replace(/\{\{\w+\}\}/g, ''))
        )
          continue;
        expect(text, `${language} ${key}`).toMatch(HAN);
      }
    }
    // Traditional is not a copy of Simplified: most texts differ in their characters.
    const keys = Object.keys(en) as (keyof typeof en)[];
    const differ = keys.filter((key) => CATALOGS['zh-CN'][key] !== CATALOGS['zh-TW'][key]).length;
    expect(differ / keys.length).toBeGreaterThan(0.6);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh-CN', 'dispatch.rateLimited', { seconds: 4 })).toBe('你问得太快了！请 4 秒后再试。');
    expect(t('en-US', 'dispatch.rateLimited', { seconds: 4 })).toBe(
      "You're asking quickly! Try again in 4 s.",
    );
    expect(t(undefined, 'sources.more')).toBe('\n…and {{n}} more');
  });
});

describe('languageOf', () => {
  it('answers Chinese locales in Chinese and every other locale in English', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('zh-TW')).toBe('zh-TW');
    expect(languageOf('zh-HK')).toBe('zh-TW');
    expect(languageOf('zh-Hant-TW')).toBe('zh-TW');
    expect(languageOf('zh_SG')).toBe('zh-CN');
    expect(languageOf('zh')).toBe('zh-CN');
    for (const other of ['en-US', 'en-GB', 'fr', 'ja', 'ko', 'zu', '', undefined])
      expect(languageOf(other), String(other)).toBe('en');
  });
});

describe('localeFromLang', () => {
  it('reads a POSIX LANG as a locale, and C or nothing as no locale', () => {
    expect(localeFromLang('zh_CN.UTF-8')).toBe('zh-CN');
    expect(localeFromLang('zh_TW.UTF-8@stroke')).toBe('zh-TW');
    expect(localeFromLang('en_US.UTF-8')).toBe('en-US');
    expect(localeFromLang('C.UTF-8')).toBeUndefined();
    expect(localeFromLang('POSIX')).toBeUndefined();
    expect(localeFromLang(undefined)).toBeUndefined();
  });
});

describe('countOf', () => {
  it('writes singular and plural in English and a measure word in Chinese', () => {
    expect(countOf(undefined, 1, 'document')).toBe('1 document');
    expect(countOf('en-US', 2, 'document')).toBe('2 documents');
    expect(countOf('en-US', 0, 'figure')).toBe('0 figures');
    expect(countOf('zh-CN', 1, 'document')).toBe('1 份文档');
    expect(countOf('zh-TW', 16, 'passage')).toBe('16 個段落');
  });
});

describe('command definitions', () => {
  const definitions = commandDefinitions() as Json[];

  it('carry zh-CN and zh-TW names and descriptions on every command and option', () => {
    for (const command of definitions) {
      expect(Object.keys(command.name_localizations ?? {}).sort(), command.name).toEqual(
        [...LOCALISED].sort(),
      );
      if (command.description)
        expect(Object.keys(command.description_localizations ?? {}).sort(), command.name).toEqual(
          [...LOCALISED].sort(),
        );
      for (const option of command.options ?? []) {
        const at = `${command.name}.${option.name}`;
        for (const locale of LOCALISED) {
          expect(option.name_localizations?.[locale], at).toMatch(HAN);
          expect(option.description_localizations?.[locale], at).toMatch(HAN);
        }
      }
    }
  });

  it('keep the English names users and handlers know, and pass Discord’s rules in every locale', () => {
    expect(definitions.map((c) => c.name)).toEqual([
      'ask',
      'figure',
      'sources',
      'help',
      'Find in factdesk',
      'reload',
      'insights',
      'knowledge',
    ]);
    expect(validateCommands(definitions)).toEqual([]);
  });

  it('are rejected by the fake Discord when a localised name breaks the rules', () => {
    const [ask] = definitions;
    const broken = {
      ...ask,
      name_localizations: { 'zh-CN': 'Ask Me' },
      options: ask?.options.map((option: Json) => ({ ...option, name_localizations: { 'zh-CN': '同名' } })),
    };
    const problems = validateCommands([broken]);
    expect(problems.some((p) => p.includes('name_localizations.zh-CN') && p.includes('Ask Me'))).toBe(true);
    expect(problems.some((p) => p.includes('duplicate zh-CN option name "同名"'))).toBe(true);
  });
});
