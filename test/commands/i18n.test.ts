import { describe, expect, it } from 'vitest';
import { en } from '../../commands/i18n/en.js';
import {
  CATALOGS,
  COUNTED,
  canonicalCommandName,
  countOf,
  LANGUAGES,
  LOCALISED,
  languageOf,
  localeFromLang,
  TYPED_COMMANDS,
  t,
} from '../../commands/i18n/index.js';
import { commandDefinitions } from '../../commands/index.js';
import { expiredButton } from '../../commands/render/buttons.js';
import { consoleHelp } from '../../src/transports/console.js';
import { validateCommands } from '../fake-discord/validate.js';

/**
 * Characters written only in Simplified Chinese: each has a different Traditional form (们 們,
 * 这 這, 个 個, 据 據 …). None may appear in the Traditional catalog.
 */
const SIMPLIFIED_ONLY =
  '们这个来发为问题么没说进过时对给从关开认论显数据档读载图书录见频级击选设项错误页还务区华国际专业产经济东广点网络联请让证实动态带场电话计长门间头卖买视览输应删链标权启库夹将译复写换码扫处历谢馈单样钮节号报总术规亿万两与归尔简体户义识别试杂须内阅择签运传统现约调编辑询团队确优质检测获断层辅导赖顺边缀该吗变迁达临虑类举办轻';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

// biome-ignore lint/suspicious/noExplicitAny: command definitions are walked as free-form JSON.
type Json = Record<string, any>;

describe('message catalog', () => {
  it('has every key of the English catalog in every language, non-empty, with the same placeholders', () => {
    const keys = Object.keys(en).sort();
    // The keys the code builds at run time (a counted noun, a command typed on the console), which
    // the compiler cannot see: each must be in the catalog, in every language.
    const built = [
      ...COUNTED.flatMap((noun) => [`count.${noun}.one`, `count.${noun}.other`]),
      ...Object.values(TYPED_COMMANDS),
    ];
    for (const language of LANGUAGES) {
      const catalog = CATALOGS[language] as Record<string, string>;
      expect(Object.keys(catalog).sort(), language).toEqual(keys);
      for (const key of built) expect(catalog[key], `${language} ${key}`).toBeDefined();
      for (const key of keys) {
        const text = catalog[key] ?? '';
        expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(0);
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('says what used to be English only in every language: expired buttons, problems, the console help', () => {
    for (const language of LOCALISED) {
      expect(expiredButton(language), language).toMatch(HAN);
      expect(expiredButton(language), language).toBe(CATALOGS[language]['button.expired']);
      expect(countOf(language, 2, 'problem'), language).toMatch(/^2 \S*\p{Script=Han}/u);
      // Every line of the console's help, /more and /cite included, is in the language.
      const help = consoleHelp(language).split('\n');
      expect(help, language).toHaveLength(8);
      for (const line of help) expect(line, language).toMatch(HAN);
      expect(help.some((line) => line.includes(`/${CATALOGS[language]['console.more.name']} `))).toBe(true);
      expect(help.some((line) => line.includes(`/${CATALOGS[language]['console.cite.name']} `))).toBe(true);
    }
    expect(expiredButton()).toBe('This button has expired: ask again with `/ask`.');
    expect(consoleHelp().split('\n')).toEqual([
      'Type a question to get the passages that answer it, with their citations and figures. Or:',
      "  /ask How big was Guangdong's economy in 2023?   the same, spelled out",
      '  /figure GDP                                     one figure: the number, what it measures, its sentence',
      '  /more                                           the next passages of the last answer',
      '  /cite                                           a citation of the last answer, ready to paste',
      '  /sources                                        the documents I answer from',
      '  /help                                           this help',
      'Ctrl+D or Ctrl+C quits.',
    ]);
  });

  it('gives every console command a name of its own in each language', () => {
    for (const language of LANGUAGES) {
      const names = Object.values(TYPED_COMMANDS).map((key) => CATALOGS[language][key]);
      expect(new Set(names).size, language).toBe(names.length);
    }
    expect(canonicalCommandName('更多')).toBe('more');
    expect(canonicalCommandName('引用')).toBe('cite');
    expect(canonicalCommandName('說明')).toBe('help');
    expect(canonicalCommandName('提問')).toBe('ask');
    expect(canonicalCommandName('MORE')).toBe('more');
    expect(canonicalCommandName('knowledge')).toBe('knowledge');
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

  it('writes zh-TW in Traditional characters only, and zh-CN in Simplified', () => {
    const simplified = (text: string) => [...text].filter((char) => SIMPLIFIED_ONLY.includes(char));
    for (const [key, text] of Object.entries(CATALOGS['zh-TW']))
      expect(simplified(text), `zh-TW ${key}: ${text}`).toEqual([]);
    // The list is live: the Simplified catalog uses many of its characters.
    const used = new Set(Object.values(CATALOGS['zh-CN']).flatMap(simplified));
    expect(used.size).toBeGreaterThan(60);
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
    expect(countOf('en-US', 1, 'problem')).toBe('1 problem');
    expect(countOf('en-US', 3, 'problem')).toBe('3 problems');
    expect(countOf('zh-CN', 3, 'problem')).toBe('3 个问题');
    expect(countOf('zh-TW', 3, 'problem')).toBe('3 個問題');
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
