import { createHash } from 'node:crypto';
import { quoteOf } from '../../src/answer/quote.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import type { Passage } from '../../src/types.js';

/** Characters of a passage key: 42 bits, so 100,000 passages almost never share one. */
export const KEY_LENGTH = 7;

/**
 * A short key for a quoted passage, for button custom ids (100 characters at most): a hash of its
 * id and the text quoted. A button keeps working after a restart and on any replica; when a
 * reload changes or removes the passage (or the table it is quoted with), its key no longer
 * resolves and the button says it has expired, instead of citing text the message does not show.
 *
 * @example
 * passageKey({ id: 'doc#p3', text: 'Revenue rose.' }) // → 7 characters of [A-Za-z0-9_-]
 */
export function passageKey(passage: Pick<Passage, 'id' | 'text'>): string {
  return createHash('sha256')
    .update(`${passage.id}\n${passage.text}`)
    .digest('base64url')
    .slice(0, KEY_LENGTH);
}

/** Joins passage keys for a custom id (fixed width, no separator). */
export function joinKeys(keys: readonly string[]): string {
  return keys.join('');
}

/** Splits joined keys; `undefined` when the text is not a whole number of keys. */
export function splitKeys(text: string): string[] | undefined {
  if (text.length === 0 || text.length % KEY_LENGTH !== 0 || !/^[\w-]+$/.test(text)) return undefined;
  const keys: string[] = [];
  for (let at = 0; at < text.length; at += KEY_LENGTH) keys.push(text.slice(at, at + KEY_LENGTH));
  return keys;
}

/**
 * The passages named by keys, in order, from the knowledge base now serving; `undefined` when any
 * of them is gone (the button is stale). The key map is built once per knowledge base.
 */
export function passagesOfKeys(kb: KnowledgeBase, keys: readonly string[]): Passage[] | undefined {
  const byKey = kb.memo.get('passage-keys', () => {
    const map = new Map<string, Passage>();
    for (const passage of kb.passages) {
      // An answer quotes a table's lead-in with its table, or alone when it quotes the table
      // already: either quote names the passage.
      const quote = quoteOf(kb, passage);
      for (const text of new Set([quote.text, passage.text])) {
        const key = passageKey({ id: passage.id, text });
        if (!map.has(key)) map.set(key, passage);
      }
    }
    return map;
  });
  const passages: Passage[] = [];
  for (const key of keys) {
    const passage = byKey.get(key);
    if (!passage) return undefined;
    passages.push(passage);
  }
  return passages;
}
