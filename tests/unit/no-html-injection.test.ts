/**
 * Level text, nicknames and result files must never be parsed as HTML or run as code.
 * The game writes text with textContent only; this test keeps it that way by refusing
 * the APIs that parse markup or evaluate strings anywhere in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN: [RegExp, string][] = [
  [/\.innerHTML\b/, 'innerHTML'],
  [/\.outerHTML\b/, 'outerHTML'],
  [/insertAdjacentHTML/, 'insertAdjacentHTML'],
  [/document\.write/, 'document.write'],
  [/\beval\(/, 'eval'],
  [/new Function\(/, 'new Function'],
  [/createContextualFragment/, 'createContextualFragment'],
  [/DOMParser/, 'DOMParser'],
  [/setAttribute\(\s*['"]on/, 'an inline event handler attribute'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

describe('no markup parsing in the game', () => {
  it('uses none of the APIs that parse HTML or evaluate strings', () => {
    const found: string[] = [];
    for (const file of sources('src')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          for (const [pattern, name] of FORBIDDEN) {
            if (pattern.test(line)) found.push(`${file}:${index + 1}: ${name}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});
