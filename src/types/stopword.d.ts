// stopword ships no type declarations; this is the one list factdesk reads from it.
declare module 'stopword' {
  /** English stop words, lowercase. */
  export const eng: string[];
  export const zho: string[];
}
