/**
 * Writes levels/level.schema.json from the valibot level definition, so editors
 * offer completion and red squiggles. `--check` fails when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { levelJsonSchemaText } from '../src/core/level/json-schema';

const target = new URL('../levels/level.schema.json', import.meta.url);
const text = levelJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== text) {
    console.error('levels/level.schema.json is out of date: run npm run levels:schema');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log('wrote levels/level.schema.json');
}
