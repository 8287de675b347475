/**
 * The level fields with forms of their own: its languages, account ids, a post's
 * author, tactics and evidence.
 */
import { markEvidence } from '../core/editor/evidence';
import { removeItem, renameAccount, setLanguages, setTruth } from '../core/editor/operations';
import type { Level } from '../core/level/schema';
import type { JsonPath } from '../core/level/texts';
import { LURE_ID } from '../core/taxonomy';
import type { Content } from '../services/content';
import { AVAILABLE_LANGUAGES, type Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import { alertLine } from '../workshop/share';
import { choiceField, type FormContext, label, localizedField, pathKey, renderNode } from './form';

/** What the custom fields need from the open draft's editor. */
export interface FieldsHost {
  /** Read when a field is drawn or used: the form is made after its custom fields. */
  form(): FormContext;
  readonly translator: Translator;
  readonly content: Content;
  readonly formArea: HTMLElement;
  update(next: Level, options: { group: string }): void;
}

/** The fields with forms of their own. */
export function customFields(host: FieldsHost): FormContext['custom'] {
  const { t } = host.translator;
  const indexOf = (path: JsonPath) => path[1] as number;
  return {
    'accounts.id': (path) => {
      const wrapper = renderNode(host.form(), { kind: 'text' }, path, 'accounts.id');
      const input = wrapper.querySelector('input') as HTMLInputElement;
      // Renaming an account renames it in its posts too.
      input.addEventListener(
        'input',
        (event) => {
          event.stopImmediatePropagation();
          host.update(renameAccount(host.form().level(), indexOf(path), input.value), {
            group: pathKey(path),
          });
        },
        { capture: true },
      );
      return wrapper;
    },
    'posts.author': (path) =>
      choiceField(
        host.form(),
        path,
        label(host.form(), 'posts.author'),
        host
          .form()
          .level()
          .accounts.map((account) => ({
            value: account.id,
            label: `${host.translator.text(account.name) || account.id} ${account.handle}`,
          })),
      ),
    'posts.truth.tactics': (path) => tacticsField(host, indexOf(path)),
    'posts.truth.lure': () => el('span'),
    'posts.truth.evidence': (path) => evidenceField(host, indexOf(path)),
    'posts.truth.explanations': (path) => {
      const set = el('fieldset', null, 'group');
      set.append(el('legend', label(host.form(), 'posts.truth.explanations')));
      const explanations = host.form().level().posts[indexOf(path)]?.truth.explanations ?? {};
      for (const id of Object.keys(explanations))
        set.append(localizedField(host.form(), [...path, id], tacticName(host.translator, id)));
      if (Object.keys(explanations).length === 0)
        set.append(el('p', t('editor:explanationsHelp'), 'hint'));
      return set;
    },
  };
}

function tacticName(translator: Translator, id: string): string {
  return translator.t(`tactics:${id}.name`, { defaultValue: id });
}

/** The tactics a post uses and the lure flag, as checkboxes; explanations follow them. */
function tacticsField(host: FieldsHost, postIndex: number): HTMLElement {
  const form = host.form();
  const { t } = host.translator;
  const post = form.level().posts[postIndex];
  const set = el('fieldset');
  set.append(el('legend', label(form, 'posts.truth.tactics')));
  if (!post) return set;
  const ids = [
    ...host.content.taxonomy.tactics.map((tactic) => tactic.id),
    ...form.level().tactics.map((tactic) => tactic.id),
  ];
  const boxes: HTMLInputElement[] = [];
  const apply = (focusPath: JsonPath) => {
    const tactics = boxes
      .filter((box) => box.checked && box.value !== LURE_ID)
      .map((box) => box.value);
    const lure = boxes.some((box) => box.checked && box.value === LURE_ID);
    form.replace(setTruth(form.level(), postIndex, tactics, lure), focusPath);
  };
  for (const id of [...new Set(ids)]) {
    const box = el('input');
    box.type = 'checkbox';
    box.value = id;
    box.checked = post.truth.tactics.includes(id);
    box.dataset.path = pathKey(['posts', postIndex, 'truth', 'tactics', id]);
    box.addEventListener('change', () => apply(['posts', postIndex, 'truth', 'tactics', id]));
    boxes.push(box);
    const caption = el('label', null, 'check');
    caption.append(box, el('span', tacticName(host.translator, id)));
    set.append(caption);
  }
  const lure = el('input');
  lure.type = 'checkbox';
  lure.value = LURE_ID;
  lure.checked = post.truth.lure;
  lure.dataset.path = pathKey(['posts', postIndex, 'truth', 'lure']);
  lure.addEventListener('change', () => apply(['posts', postIndex, 'truth', 'lure']));
  boxes.push(lure);
  const caption = el('label', null, 'check');
  caption.append(lure, el('span', label(form, 'posts.truth.lure')));
  set.append(caption, el('p', t('editor:genuineHelp'), 'hint'));
  return set;
}

/**
 * Evidence is marked by selecting words in the post's text box and pressing a
 * button: a new phrase, or this language of an existing phrase.
 */
function evidenceField(host: FieldsHost, postIndex: number): HTMLElement {
  const form = host.form();
  const { t } = host.translator;
  const post = form.level().posts[postIndex];
  const set = el('fieldset', null, 'group evidence');
  set.append(el('legend', label(form, 'posts.truth.evidence')));
  set.dataset.path = pathKey(['posts', postIndex, 'truth', 'evidence']);
  if (!post) return set;
  set.append(el('p', t('editor:evidence.help'), 'hint'));
  const error = alertLine();
  const mark = (evidence: number | null, language: string) => {
    const box = host.formArea.querySelector<HTMLTextAreaElement>(
      `textarea[data-path="${pathKey(['posts', postIndex, 'text', language])}"]`,
    );
    const next = box
      ? markEvidence(
          form.level(),
          postIndex,
          evidence,
          language,
          box.selectionStart,
          box.selectionEnd,
        )
      : form.level();
    if (next === form.level()) {
      error.hidden = false;
      error.textContent = t('editor:evidence.noSelection', {
        language: form.languageName(language),
      });
      return;
    }
    const index = evidence ?? post.truth.evidence.length;
    form.replace(next, ['posts', postIndex, 'truth', 'evidence', index, language]);
  };
  const list = el('ol');
  post.truth.evidence.forEach((phrase, index) => {
    const item = el('li');
    const what = t('editor:evidence.phrase', { number: index + 1 });
    for (const language of form.level().languages) {
      const line = el('p', null, 'evidence-line');
      const words = phrase[language]?.trim();
      const shown = el(
        'span',
        `${form.languageName(language)}: ${words ? `“${words}”` : t('editor:form.missing')}`,
      );
      shown.tabIndex = -1;
      shown.dataset.path = pathKey(['posts', postIndex, 'truth', 'evidence', index, language]);
      if (!words) line.classList.add('missing');
      const again = button(
        t('editor:evidence.markLanguage', { language: form.languageName(language) }),
        () => mark(index, language),
      );
      again.setAttribute(
        'aria-label',
        t('editor:evidence.markLanguageWhat', { language: form.languageName(language), what }),
      );
      line.append(shown, again);
      item.append(line);
    }
    const remove = button(t('editor:form.delete'), () =>
      form.replace(removeItem(form.level(), ['posts', postIndex, 'truth', 'evidence'], index), [
        'posts',
        postIndex,
        'truth',
        'evidence',
      ]),
    );
    remove.setAttribute('aria-label', t('editor:form.deleteWhat', { what }));
    item.append(remove);
    list.append(item);
  });
  set.append(list, error);
  for (const language of form.level().languages)
    set.append(
      button(t('editor:evidence.markNew', { language: form.languageName(language) }), () =>
        mark(null, language),
      ),
    );
  return set;
}

/** Which languages the level has: ticking one adds an empty text in it everywhere. */
export function languagesField(form: FormContext, translator: Translator): HTMLElement {
  const { t } = translator;
  const set = el('fieldset');
  set.append(el('legend', label(form, 'languages')));
  const languages = [...new Set([...AVAILABLE_LANGUAGES, ...form.level().languages])];
  for (const language of languages) {
    const box = el('input');
    box.type = 'checkbox';
    box.checked = form.level().languages.includes(language);
    box.dataset.path = pathKey(['languages', language]);
    box.addEventListener('change', () => {
      const next = box.checked
        ? [...form.level().languages, language]
        : form.level().languages.filter((other) => other !== language);
      if (next.length === 0) {
        box.checked = true;
        return;
      }
      form.replace(setLanguages(form.level(), next), ['languages', language]);
    });
    const caption = el('label', null, 'check');
    caption.append(box, el('span', form.languageName(language)));
    set.append(caption);
  }
  set.append(el('p', t('editor:languagesHelp'), 'hint'));
  return set;
}
