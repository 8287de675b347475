/**
 * The only platform API the core uses: TextDecoder, which browsers and Node both
 * have. The core is type-checked without the DOM library (tsconfig.core.json), so
 * a stray `document` or `window` in src/core fails the typecheck.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
