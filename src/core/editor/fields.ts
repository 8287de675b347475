/**
 * The editor's forms are built from the level format's valibot definition: this turns
 * the schema into a tree of fields (what kind of input, which limits, optional or
 * not), so a field added to schema.ts appears in the editor with no change here, and
 * a kind of field the editor cannot show fails the tests instead of vanishing.
 */
import type * as v from 'valibot';
import { LevelSchema, LocalizedTextSchema, PictureSchema } from '../level/schema';

export type FieldNode =
  | { kind: 'localized' }
  | { kind: 'text'; pattern?: RegExp; maxLength?: number }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'choice'; options: readonly string[] }
  | { kind: 'fixed'; value: unknown }
  | { kind: 'object'; entries: FieldEntry[] }
  | { kind: 'list'; item: FieldNode; minLength?: number; maxLength?: number }
  | { kind: 'record'; value: FieldNode }
  | { kind: 'unknown'; type: string };

export interface FieldEntry {
  key: string;
  /**
   * The label's i18n key: the dotted path without list indices, e.g.
   * `posts.truth.whyGenuine`, except inside a picture, which is named from `picture`
   * (`picture.people.face`) wherever it appears, so a post's picture and the earlier
   * picture a reverse image search finds share one set of labels.
   */
  name: string;
  node: FieldNode;
  optional: boolean;
  /** The value valibot fills in when the file leaves the field out. */
  fallback?: unknown;
}

interface Shape {
  type: string;
  pipe?: readonly Shape[];
  entries?: Record<string, Shape>;
  item?: Shape;
  wrapped?: Shape;
  value?: Shape | unknown;
  options?: readonly string[];
  literal?: unknown;
  requirement?: unknown;
  default?: unknown;
}

export function fieldNode(schema: v.GenericSchema | Shape, path = ''): FieldNode {
  const shape = schema as Shape;
  const name = (shape as unknown) === PictureSchema ? PICTURE : path;
  if ((shape as unknown) === LocalizedTextSchema) return { kind: 'localized' };
  if (shape.pipe) {
    const [inner, ...actions] = shape.pipe as [Shape, ...Shape[]];
    if ((inner as unknown) === LocalizedTextSchema) return { kind: 'localized' };
    const node = fieldNode(inner, name);
    for (const action of actions) applyLimit(node, action);
    return node;
  }
  switch (shape.type) {
    case 'string':
      return { kind: 'text' };
    case 'number':
      return { kind: 'number', integer: false };
    case 'boolean':
      return { kind: 'boolean' };
    case 'picklist':
      return { kind: 'choice', options: shape.options ?? [] };
    case 'literal':
      return { kind: 'fixed', value: shape.literal };
    case 'array':
      return { kind: 'list', item: fieldNode(shape.item as Shape, name) };
    case 'record':
      return { kind: 'record', value: fieldNode(shape.value as Shape, name) };
    case 'object':
    case 'strict_object':
      return {
        kind: 'object',
        entries: Object.entries(shape.entries ?? {}).map(([key, entry]) => {
          const path = name ? `${name}.${key}` : key;
          const optional = entry.type === 'optional';
          const inner = optional ? (entry.wrapped as Shape) : entry;
          return {
            key,
            name: path,
            node: fieldNode(inner, path),
            optional,
            ...(optional && entry.default !== undefined ? { fallback: entry.default } : {}),
          };
        }),
      };
    default:
      return { kind: 'unknown', type: shape.type };
  }
}

function applyLimit(node: FieldNode, action: Shape): void {
  const requirement = action.requirement;
  if (node.kind === 'number') {
    if (action.type === 'integer') node.integer = true;
    if (action.type === 'min_value') node.min = requirement as number;
    if (action.type === 'max_value') node.max = requirement as number;
  } else if (node.kind === 'text') {
    if (action.type === 'regex') node.pattern = requirement as RegExp;
    if (action.type === 'max_length') node.maxLength = requirement as number;
  } else if (node.kind === 'list') {
    if (action.type === 'min_length') node.minLength = requirement as number;
    if (action.type === 'max_length') node.maxLength = requirement as number;
  }
}

/** The name a picture's fields are labelled from, wherever the picture appears. */
export const PICTURE = 'picture';

/** The level's form tree. */
export const LEVEL_FIELDS = fieldNode(LevelSchema) as Extract<FieldNode, { kind: 'object' }>;

/** Every field of the format by its dotted name, e.g. `posts.truth.evidence`, once each. */
export function fieldNames(node: FieldNode = LEVEL_FIELDS): string[] {
  return [...new Set(fieldEntries(node).map((entry) => entry.name))];
}

/** Every field entry of the format, depth first (a picture's fields once per place). */
export function fieldEntries(node: FieldNode = LEVEL_FIELDS): FieldEntry[] {
  const entries: FieldEntry[] = [];
  const visit = (current: FieldNode) => {
    if (current.kind === 'object')
      for (const entry of current.entries) {
        entries.push(entry);
        visit(entry.node);
      }
    else if (current.kind === 'list') visit(current.item);
    else if (current.kind === 'record') visit(current.value);
  };
  visit(node);
  return entries;
}

/**
 * The i18n key of each choice the format offers, `<field name>.<option>`: keyed by
 * field, since one word can name two things (a school outfit, a school building).
 */
export function choiceKeys(node: FieldNode = LEVEL_FIELDS): string[] {
  const keys = fieldEntries(node).flatMap((entry) => {
    const inner = entry.node.kind === 'list' ? entry.node.item : entry.node;
    return inner.kind === 'choice' ? inner.options.map((option) => `${entry.name}.${option}`) : [];
  });
  return [...new Set(keys)];
}

/**
 * Fields with forms made for them rather than built from their kind: an account's id
 * (renamed in its posts too), a post's author (a pick of the accounts), its tactics and
 * lure (checkboxes that keep the explanations in step), its evidence (marked in the
 * text) and explanations (one per tactic used). Tested to be fields of the format.
 */
export const CUSTOM_FIELDS = [
  'accounts.id',
  'posts.author',
  'posts.truth.tactics',
  'posts.truth.lure',
  'posts.truth.evidence',
  'posts.truth.explanations',
] as const;
export type CustomField = (typeof CUSTOM_FIELDS)[number];

/** The entry of an object node by key. */
export function entryOf(node: FieldNode, key: string): FieldEntry | undefined {
  return node.kind === 'object' ? node.entries.find((entry) => entry.key === key) : undefined;
}
