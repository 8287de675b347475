/**
 * The editor's forms follow the level format: if schema.ts gains a field, these tests
 * fail until the editor can show it and names it in every language.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELDS,
  choiceKeys,
  type FieldNode,
  fieldEntries,
  fieldNames,
  fieldNode,
  LEVEL_FIELDS,
} from '../../../src/core/editor/fields';
import { LevelSchema } from '../../../src/core/level/schema';
import { PROPS } from '../../../src/core/picture-catalog';

const LANGUAGES = ['en', 'zh-Hans', 'ru', 'uk'];
const strings = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/editor.json`, 'utf8')) as {
    field: Record<string, string>;
    choice: Record<string, Record<string, string>>;
  };

function kinds(node: FieldNode, out: string[] = []): string[] {
  out.push(node.kind);
  if (node.kind === 'object') for (const entry of node.entries) kinds(entry.node, out);
  if (node.kind === 'list') kinds(node.item, out);
  if (node.kind === 'record') kinds(node.value, out);
  return out;
}

describe('the editor’s fields, read from the level format', () => {
  it('covers every field of the format', () => {
    const schemaKeys = Object.keys(LevelSchema.entries);
    expect(LEVEL_FIELDS.entries.map((entry) => entry.key)).toEqual(schemaKeys);
    expect(fieldNames()).toContain('posts.investigation.image.daysEarlier');
    expect(fieldNames()).toContain('posts.truth.whyGenuine');
  });

  it('the fields with forms of their own are fields of the format', () => {
    expect(fieldNames()).toEqual(expect.arrayContaining([...CUSTOM_FIELDS]));
  });

  it('knows how to show every kind of field the format uses', () => {
    expect(kinds(LEVEL_FIELDS)).not.toContain('unknown');
  });

  it('a field of a kind it cannot show is reported as unknown, not dropped', () => {
    const truth = LevelSchema.entries.posts.pipe[0].item.entries.truth;
    const withDate = { ...truth, entries: { ...truth.entries, when: { type: 'date' } } };
    expect(kinds(fieldNodeOf(withDate))).toContain('unknown');
  });

  it('labels a picture from one set of keys wherever it appears', () => {
    const pictures = fieldEntries().filter((entry) =>
      ['posts.picture', 'posts.investigation.image.earlier'].includes(entry.name),
    );
    expect(pictures).toHaveLength(2);
    for (const picture of pictures)
      expect(fieldNames(picture.node)).toEqual(
        expect.arrayContaining(['picture.setting', 'picture.texts.text']),
      );
    expect(
      fieldNames().filter((name) => /^posts\..*\.(setting|people|props|texts)/.test(name)),
    ).toEqual([]);
  });

  it('offers the picture catalogue as choices, not free text', () => {
    const icon = fieldEntries().find((entry) => entry.name === 'picture.props.icon');
    expect(icon?.node).toEqual({ kind: 'choice', options: PROPS });
    expect(choiceKeys()).toContain('picture.props.icon.money-bag');
    // One word, two things: the keys keep them apart.
    expect(choiceKeys()).toEqual(
      expect.arrayContaining(['picture.props.icon.school', 'picture.people.outfit.school']),
    );
  });

  it('reads limits and defaults from the schema', () => {
    const passMark = LEVEL_FIELDS.entries.find((entry) => entry.key === 'passMark');
    expect(passMark?.node).toMatchObject({ kind: 'number', min: 0, max: 100 });
    const mode = LEVEL_FIELDS.entries.find((entry) => entry.key === 'mode');
    expect(mode).toMatchObject({ optional: true, fallback: 'learn' });
  });

  it.each(LANGUAGES)('names every field and every choice in %s', (language) => {
    const { field, choice } = strings(language);
    expect(fieldNames().filter((name) => !field[name])).toEqual([]);
    expect(choiceKeys().filter((key) => !lookup(choice, key))).toEqual([]);
  });
});

/** A key as i18next finds it: `choice.posts.kind.text` is `choice["posts.kind"].text`. */
function lookup(strings: Record<string, Record<string, string>>, key: string): string | undefined {
  const cut = key.lastIndexOf('.');
  return strings[key.slice(0, cut)]?.[key.slice(cut + 1)];
}

function fieldNodeOf(schema: unknown): FieldNode {
  return fieldNode(schema as Parameters<typeof fieldNode>[0]);
}
