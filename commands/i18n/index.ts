import { type Catalog, en, type MessageKey } from './en.js';
import { zhCN } from './zh-cn.js';
import { zhTW } from './zh-tw.js';

export type { Catalog, MessageKey } from './en.js';

/** The languages factdesk speaks, as Discord names their locales. */
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The localised languages, the ones a command definition carries localisations for. */
export const LOCALISED = ['zh-CN', 'zh-TW'] as const satisfies readonly Language[];

/** Every catalog by language. */
export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/**
 * The language to answer in for a Discord locale (`zh-CN`, `en-US`, …) or a BCP 47 tag. Chinese
 * locales get Chinese (Traditional for Taiwan, Hong Kong, Macau and `Hant`), everything else English.
 *
 * @example
 * languageOf('zh-CN') // → 'zh-CN'
 * languageOf('zh-HK') // → 'zh-TW'
 * languageOf('fr') // → 'en'
 */
export function languageOf(locale: string | undefined): Language {
  const tag = (locale ?? '').toLowerCase().replace(/_/g, '-');
  if (!/^zh(?:-|$)/.test(tag)) return 'en';
  return /-(?:tw|hk|mo|hant)(?:-|$)/.test(tag) ? 'zh-TW' : 'zh-CN';
}

/**
 * The locale of a POSIX `LANG` (or `LC_ALL`) value, for the console and the CLI: `zh_CN.UTF-8` →
 * `zh-CN`, `zh_TW.UTF-8` → `zh-TW`, `en_US.UTF-8` → `en-US`; `C`, `POSIX` or nothing → undefined.
 */
export function localeFromLang(lang: string | undefined): string | undefined {
  const base = (lang ?? '').split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (!base || base === 'C' || base === 'POSIX') return undefined;
  return base;
}

/**
 * One message in the language of `locale`, with its `{{placeholders}}` filled from `vars`.
 *
 * @example
 * t('zh-CN', 'button.more') // → '更多'
 * t(undefined, 'dispatch.rateLimited', { seconds: 3 }) // → "You're asking quickly! Try again in 3 s."
 */
export function t(
  locale: string | undefined,
  key: MessageKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const text = CATALOGS[languageOf(locale)][key];
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Nouns that have counted forms in the catalog (`count.<noun>.one` and `count.<noun>.other`). */
export const COUNTED = ['document', 'passage', 'figure', 'error', 'problem'] as const;
export type Counted = (typeof COUNTED)[number];

const plurals = new Map<Language, Intl.PluralRules>();

/**
 * A number with its noun, as the language writes it.
 *
 * @example
 * countOf(undefined, 1, 'document') // → '1 document'
 * countOf('en-GB', 16, 'passage') // → '16 passages'
 * countOf('zh-CN', 16, 'passage') // → '16 个段落'
 */
export function countOf(locale: string | undefined, n: number, noun: Counted): string {
  const language = languageOf(locale);
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    plurals.set(language, rules);
  }
  const form = rules.select(n) === 'one' ? 'one' : 'other';
  return t(language, `count.${noun}.${form}`, { n });
}

/**
 * The localisations of one catalog text for a command definition's `name_localizations` or
 * `description_localizations`.
 *
 * @example
 * localizations('help.name') // → { 'zh-CN': '帮助', 'zh-TW': '說明' }
 */
export function localizations(key: MessageKey): Record<(typeof LOCALISED)[number], string> {
  return { 'zh-CN': CATALOGS['zh-CN'][key], 'zh-TW': CATALOGS['zh-TW'][key] };
}

/**
 * The commands a user may type by name on the console, in any language factdesk speaks: the slash
 * commands, and the console's own `/more` and `/cite` (the buttons of the last answer).
 */
export const TYPED_COMMANDS = {
  ask: 'ask.name',
  figure: 'figure.name',
  sources: 'sources.name',
  help: 'help.name',
  reload: 'reload.name',
  insights: 'insights.name',
  more: 'console.more.name',
  cite: 'console.cite.name',
} as const satisfies Record<string, MessageKey>;

/**
 * The English name of a command typed in any language factdesk speaks (for the console, where a
 * user types `/提问` as Discord would show it, or `/更多`); any other name comes back lowercased.
 *
 * @example
 * canonicalCommandName('提问') // → 'ask'
 * canonicalCommandName('引用') // → 'cite'
 * canonicalCommandName('Figure') // → 'figure'
 */
export function canonicalCommandName(typed: string): string {
  const lower = typed.toLowerCase();
  for (const [name, key] of Object.entries(TYPED_COMMANDS)) {
    if (LANGUAGES.some((language) => CATALOGS[language][key] === lower)) return name;
  }
  return lower;
}
