/**
 * Forms built from the level format (core/editor/fields.ts): each kind of field gets
 * its input, each text one box per language side by side, lists their add, move,
 * duplicate and delete buttons. A few fields have forms made for them (an account
 * picker for a post's author, tactic checkboxes, evidence marked in the text).
 * Every control carries its JSON path, so a validator message can focus it.
 */
import type { CustomField, FieldEntry, FieldNode } from '../core/editor/fields';
import { getAt, insertItem, moveItem, removeItem } from '../core/editor/operations';
import { formatJsonPath } from '../core/level/problem';
import type { Level, LocalizedText } from '../core/level/schema';
import type { JsonPath } from '../core/level/texts';
import type { Translator } from '../services/i18n';
import { button, el, labelledSelect } from '../ui/dialog';

export interface FormContext {
  t: (key: string, params?: Record<string, unknown>) => string;
  level(): Level;
  /** `group` merges typing in one field into one undo step; `rerender` redraws the form. */
  change(path: JsonPath, value: unknown, options?: { group?: string; rerender?: boolean }): void;
  /** Replaces the whole level (list operations) and redraws. */
  replace(level: Level, focusPath?: JsonPath): void;
  languageName(language: string): string;
  /** Forms made for particular fields, by dotted name (`posts.author`). */
  custom: Record<CustomField, (path: JsonPath, entry: FieldEntry) => HTMLElement>;
  /** What "Add" puts in a field that has a better start than an empty value, if any. */
  startValue?(name: string, path: JsonPath): unknown;
}

let controlCount = 0;
const nextId = () => `editor-control-${++controlCount}`;

/** Names a language in the page's own language ("Russian", "русский"). */
export function languageNamer(translator: Translator): (language: string) => string {
  const names = new Intl.DisplayNames([translator.language()], { type: 'language' });
  return (language) => names.of(language) ?? language;
}

export const pathKey = (path: JsonPath) => formatJsonPath(path);

export function label(ctx: FormContext, name: string): string {
  return ctx.t(`editor:field.${name}`);
}

/** The fields of an object, skipping the ones the caller lays out itself. */
export function renderEntries(
  ctx: FormContext,
  node: FieldNode,
  path: JsonPath,
  skip: readonly string[] = [],
): HTMLElement[] {
  if (node.kind !== 'object') return [];
  return node.entries
    .filter((entry) => !skip.includes(entry.key))
    .map((entry) => renderEntry(ctx, entry, [...path, entry.key]));
}

export function renderEntry(ctx: FormContext, entry: FieldEntry, path: JsonPath): HTMLElement {
  const custom = ctx.custom[entry.name as CustomField];
  if (custom) return custom(path, entry);
  const value = getAt(ctx.level(), path);
  if (entry.optional && value === undefined && entry.fallback === undefined) {
    // An optional part the post does not have yet: one button adds it.
    const add = button(ctx.t('editor:form.add', { what: label(ctx, entry.name) }), () =>
      ctx.change(path, ctx.startValue?.(entry.name, path) ?? emptyValue(ctx.level(), entry.node), {
        rerender: true,
      }),
    );
    add.dataset.path = pathKey(path);
    add.className = 'add';
    return add;
  }
  const element = renderNode(ctx, entry.node, path, entry.name);
  if (entry.optional && entry.fallback === undefined) {
    const remove = button(ctx.t('editor:form.remove', { what: label(ctx, entry.name) }), () =>
      ctx.change(path, undefined, { rerender: true }),
    );
    remove.className = 'remove';
    element.append(remove);
  }
  return element;
}

/** A new, empty value of a field: what "Add" puts in. */
export function emptyValue(level: Level, node: FieldNode): unknown {
  switch (node.kind) {
    case 'localized':
      return Object.fromEntries(level.languages.map((language) => [language, '']));
    case 'text':
      return '';
    case 'number':
      return node.min ?? 0;
    case 'boolean':
      return false;
    case 'choice':
      return node.options[0];
    case 'fixed':
      return node.value;
    case 'list': {
      const length = node.minLength ?? 0;
      return Array.from({ length }, () => emptyValue(level, node.item));
    }
    case 'record':
      return {};
    case 'object':
      return Object.fromEntries(
        node.entries
          .filter((entry) => !entry.optional || entry.fallback !== undefined)
          .map((entry) => [entry.key, entry.fallback ?? emptyValue(level, entry.node)]),
      );
    default:
      return null;
  }
}

export function renderNode(
  ctx: FormContext,
  node: FieldNode,
  path: JsonPath,
  name: string,
): HTMLElement {
  switch (node.kind) {
    case 'localized':
      return localizedField(ctx, path, label(ctx, name));
    case 'text':
    case 'number':
      return inputField(ctx, node, path, label(ctx, name));
    case 'boolean':
      return checkboxField(ctx, path, label(ctx, name));
    case 'choice':
      return choiceField(
        ctx,
        path,
        label(ctx, name),
        node.options.map((option) => ({
          value: option,
          label: ctx.t(`editor:choice.${name}.${option}`),
        })),
      );
    case 'object': {
      const set = el('fieldset', null, 'group');
      set.append(el('legend', label(ctx, name)), ...renderEntries(ctx, node, path));
      return set;
    }
    case 'list':
      return listField(ctx, node, path, name);
    case 'record':
      return recordField(ctx, node, path, name);
    default:
      // fields.ts tests that the format has no field of another kind.
      return el('p', String(getAt(ctx.level(), path)), 'meta');
  }
}

/** One text box per language of the level, side by side, with the missing ones marked. */
export function localizedField(ctx: FormContext, path: JsonPath, name: string): HTMLElement {
  const set = el('fieldset', null, 'localized');
  set.append(el('legend', name));
  const text = (getAt(ctx.level(), path) ?? {}) as LocalizedText;
  const row = el('div', null, 'languages-row');
  for (const language of ctx.level().languages) {
    const cell = el('div', null, 'language-cell field');
    const box = el('textarea');
    box.id = nextId();
    box.rows = 2;
    box.value = text[language] ?? '';
    box.lang = language;
    box.dataset.path = pathKey([...path, language]);
    const caption = el('label');
    caption.htmlFor = box.id;
    const languageName = el('span', ctx.languageName(language));
    const missing = el('span', ctx.t('editor:form.missing'), 'missing-mark');
    caption.append(languageName, document.createTextNode(' '), missing);
    const mark = () => {
      const empty = box.value.trim() === '';
      missing.hidden = !empty;
      cell.classList.toggle('missing', empty);
    };
    mark();
    box.addEventListener('input', () => {
      mark();
      ctx.change([...path, language], box.value, { group: pathKey([...path, language]) });
    });
    cell.append(caption, box);
    row.append(cell);
  }
  set.append(row);
  return set;
}

function inputField(
  ctx: FormContext,
  node: Extract<FieldNode, { kind: 'text' | 'number' }>,
  path: JsonPath,
  name: string,
): HTMLElement {
  const wrapper = el('div', null, 'field');
  const input = el('input');
  input.id = nextId();
  input.dataset.path = pathKey(path);
  const value = getAt(ctx.level(), path);
  input.value = value === undefined ? '' : String(value);
  if (node.kind === 'number') {
    input.type = 'number';
    input.inputMode = node.integer ? 'numeric' : 'decimal';
    if (node.min !== undefined) input.min = String(node.min);
    if (node.max !== undefined) input.max = String(node.max);
    input.step = node.integer ? '1' : 'any';
  } else {
    input.type = 'text';
    if (node.maxLength !== undefined) input.maxLength = node.maxLength;
  }
  input.addEventListener('input', () => {
    // A number box left empty leaves the number out (the validator then says so).
    const next =
      node.kind === 'number' ? (input.value === '' ? undefined : Number(input.value)) : input.value;
    ctx.change(path, next, { group: pathKey(path) });
  });
  const caption = el('label', name);
  caption.htmlFor = input.id;
  wrapper.append(caption, input);
  return wrapper;
}

function checkboxField(ctx: FormContext, path: JsonPath, name: string): HTMLElement {
  const caption = el('label', null, 'check');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = getAt(ctx.level(), path) === true;
  box.dataset.path = pathKey(path);
  box.addEventListener('change', () => ctx.change(path, box.checked));
  caption.append(box, el('span', name));
  return caption;
}

export function choiceField(
  ctx: FormContext,
  path: JsonPath,
  name: string,
  options: readonly { value: string; label: string }[],
  onChange: (value: string) => void = (value) => ctx.change(path, value, { rerender: true }),
): HTMLElement {
  const wrapper = el('div', null, 'field');
  const current = getAt(ctx.level(), path);
  const select = labelledSelect(nextId(), name, options, String(current), onChange);
  (select.querySelector('select') as HTMLSelectElement).dataset.path = pathKey(path);
  wrapper.append(select);
  return wrapper;
}

/** Buttons that move, duplicate and delete one item of a list; `what` names it for a screen reader. */
export function itemButtons(
  ctx: FormContext,
  listPath: JsonPath,
  index: number,
  length: number,
  what: string,
  options: { duplicate?: () => void; remove?: () => void } = {},
): HTMLElement {
  const row = el('div', null, 'item-buttons');
  const level = () => ctx.level();
  const up = button('↑', () =>
    ctx.replace(moveItem(level(), listPath, index, index - 1), [...listPath, index - 1]),
  );
  up.setAttribute('aria-label', ctx.t('editor:form.moveUp', { what }));
  up.disabled = index === 0;
  const down = button('↓', () =>
    ctx.replace(moveItem(level(), listPath, index, index + 1), [...listPath, index + 1]),
  );
  down.setAttribute('aria-label', ctx.t('editor:form.moveDown', { what }));
  down.disabled = index === length - 1;
  row.append(up, down);
  if (options.duplicate) {
    const copy = button(ctx.t('editor:form.duplicate'), options.duplicate);
    copy.setAttribute('aria-label', ctx.t('editor:form.duplicateWhat', { what }));
    row.append(copy);
  }
  const remove = button(
    ctx.t('editor:form.delete'),
    options.remove ?? (() => ctx.replace(removeItem(level(), listPath, index), listPath)),
  );
  remove.setAttribute('aria-label', ctx.t('editor:form.deleteWhat', { what }));
  row.append(remove);
  return row;
}

function listField(
  ctx: FormContext,
  node: Extract<FieldNode, { kind: 'list' }>,
  path: JsonPath,
  name: string,
): HTMLElement {
  const set = el('fieldset', null, 'list');
  set.append(el('legend', label(ctx, name)));
  const items = (getAt(ctx.level(), path) ?? []) as unknown[];
  const itemName = ctx.t(`editor:item.${name}`, { defaultValue: label(ctx, name) });
  items.forEach((_, index) => {
    const what = `${itemName} ${index + 1}`;
    const item = el('div', null, 'list-item');
    const element =
      node.item.kind === 'object'
        ? renderObjectItem(ctx, node.item, [...path, index], what)
        : node.item.kind === 'localized'
          ? localizedField(ctx, [...path, index], what)
          : renderNode(ctx, node.item, [...path, index], name);
    item.append(element, itemButtons(ctx, path, index, items.length, what));
    set.append(item);
  });
  const add = button(ctx.t('editor:form.add', { what: itemName }), () =>
    ctx.replace(insertItem(ctx.level(), path, items.length, emptyValue(ctx.level(), node.item)), [
      ...path,
      items.length,
    ]),
  );
  add.dataset.path = pathKey(path);
  add.className = 'add';
  if (node.maxLength !== undefined && items.length >= node.maxLength) add.disabled = true;
  set.append(add);
  return set;
}

function renderObjectItem(
  ctx: FormContext,
  node: Extract<FieldNode, { kind: 'object' }>,
  path: JsonPath,
  what: string,
): HTMLElement {
  const set = el('fieldset', null, 'group');
  set.append(el('legend', what), ...renderEntries(ctx, node, path));
  return set;
}

/** A record of texts (a post's explanations): one text per key the record has. */
function recordField(
  ctx: FormContext,
  node: Extract<FieldNode, { kind: 'record' }>,
  path: JsonPath,
  name: string,
): HTMLElement {
  const set = el('fieldset', null, 'group');
  set.append(el('legend', label(ctx, name)));
  const record = (getAt(ctx.level(), path) ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(record))
    set.append(renderNode(ctx, node.value, [...path, key], name));
  return set;
}
