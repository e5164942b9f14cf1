/** sastrawijs ships types that its package.json "exports" hides from TypeScript's resolver: the part we use. */
declare module 'sastrawijs' {
  export class Stemmer {
    stem(word: string): string;
  }
}
