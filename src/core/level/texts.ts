/**
 * Finds every translatable string (LocalizedText) in a level by following the schema,
 * not field names: a new text field in schema.ts is checked and counted with no change
 * here. Works on unvalidated JSON too, so the language checks can run on a file whose
 * other parts are still broken.
 */
import type * as v from 'valibot';
import { isPlainObject } from '../plain-object';
import { LevelSchema, LocalizedTextSchema } from './schema';

export type JsonPath = (string | number)[];

/** A LocalizedText as found in the file: values are strings once the schema passes. */
export type FoundText = Readonly<Record<string, unknown>>;

/** The parts of a valibot schema the walk follows. */
interface SchemaShape {
  type: string;
  pipe?: readonly unknown[];
  entries?: Record<string, unknown>;
  item?: unknown;
  wrapped?: unknown;
  value?: unknown;
}

export function forEachLocalizedText(
  value: unknown,
  visit: (text: FoundText, path: JsonPath) => void,
  schema: v.GenericSchema = LevelSchema,
): void {
  walk(schema as unknown as SchemaShape, value, [], visit);
}

function walk(
  schema: SchemaShape,
  value: unknown,
  path: JsonPath,
  visit: (text: FoundText, path: JsonPath) => void,
): void {
  if (isLocalizedText(schema)) {
    if (isPlainObject(value)) visit(value, path);
    return;
  }
  switch (schema.type) {
    case 'optional':
      walk(schema.wrapped as SchemaShape, value, path, visit);
      return;
    case 'object':
    case 'strict_object':
      if (!isPlainObject(value)) return;
      for (const [key, entry] of Object.entries(schema.entries ?? {})) {
        if (Object.hasOwn(value, key))
          walk(entry as SchemaShape, value[key], [...path, key], visit);
      }
      return;
    case 'array':
      if (!Array.isArray(value)) return;
      value.forEach((item, index) => {
        walk(schema.item as SchemaShape, item, [...path, index], visit);
      });
      return;
    case 'record':
      if (!isPlainObject(value)) return;
      for (const [key, item] of Object.entries(value)) {
        walk(schema.value as SchemaShape, item, [...path, key], visit);
      }
      return;
    default:
      return;
  }
}

/** LocalizedTextSchema itself, or a copy of it with a description piped on. */
function isLocalizedText(schema: SchemaShape): boolean {
  if ((schema as unknown) === LocalizedTextSchema) return true;
  const inner = schema.pipe?.[0];
  return inner !== undefined && inner !== schema && isLocalizedText(inner as SchemaShape);
}
