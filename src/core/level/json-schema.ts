import { toJsonSchema } from '@valibot/to-json-schema';
import { LevelSchema, LocalizedTextSchema } from './schema';

/** The draft-07 JSON Schema text for level files, derived from LevelSchema. */
export function levelJsonSchemaText(): string {
  const schema = {
    ...toJsonSchema(LevelSchema, {
      target: 'draft-07',
      typeMode: 'input',
      definitions: { LocalizedText: LocalizedTextSchema },
    }),
    $id: 'https://flag-the-feed.example.org/level.schema.json',
    title: 'Flag the Feed level',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
