import type { Draft } from '../core/editor/drafts';
import { entryOf, type FieldNode, LEVEL_FIELDS } from '../core/editor/fields';
import { type History, record, redo, startHistory, undo } from '../core/editor/history';
import {
  accountInUse,
  blankAccount,
  blankPost,
  duplicateItem,
  freshId,
  insertItem,
  removeItem,
  setAt,
} from '../core/editor/operations';
import type { Level } from '../core/level/schema';
import type { JsonPath } from '../core/level/texts';
import { pictureFor } from '../core/pictures';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import { alertLine, field, pageUrl } from '../workshop/share';
import { focusPath as focusPathIn, renderChecks } from './checks';
import { customFields, languagesField } from './custom-fields';
import type { DraftStore } from './draft-store';
import { shareSection } from './files';
import {
  choiceField,
  emptyValue,
  type FormContext,
  itemButtons,
  label,
  languageNamer,
  pathKey,
  renderEntries,
} from './form';
import { renderPreview } from './preview';
import { DraftSaver } from './saving';

type Section = 'level' | 'accounts' | 'posts' | 'tactics';
const COLLECTIONS = ['accounts', 'posts', 'tactics'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** Waits this long after the last keystroke before checking and saving: typing stays smooth. */
const SETTLE_MS = 300;

function nodeOf(collection: Collection): Extract<FieldNode, { kind: 'object' }> {
  const list = entryOf(LEVEL_FIELDS, collection)?.node;
  return (list?.kind === 'list' ? list.item : { kind: 'object', entries: [] }) as Extract<
    FieldNode,
    { kind: 'object' }
  >;
}

/** One open draft: its history, the form, the checks, the preview and saving. */
export class Editor {
  private history: History<Level>;
  private section: Section = 'level';
  private selected: Record<Collection, number> = { accounts: 0, posts: 0, tactics: 0 };
  private previewLanguage: string;
  private checkTimer = 0;
  private readonly saver: DraftSaver;
  private readonly nameInput = el('input');
  private readonly playLink = el('a', null, 'button-link');
  private readonly formArea = el('div', null, 'editor-form');
  private readonly checksArea = el('div', null, 'editor-checks');
  private readonly previewArea = el('section', null, 'editor-preview-area');
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly tabs = el('div', null, 'editor-tabs');
  private readonly form: FormContext;
  private readonly languageName: (language: string) => string;

  constructor(
    private readonly main: HTMLElement,
    private readonly translator: Translator,
    private readonly content: Content,
    store: DraftStore,
    draft: Draft,
  ) {
    const { t } = translator;
    this.history = startHistory(draft.level);
    this.saver = new DraftSaver(
      store,
      translator,
      draft,
      () => this.level,
      SETTLE_MS,
      (moved) => {
        history.replaceState(null, '', pageUrl({ editor: moved.id }));
        this.nameInput.value = moved.name;
        this.playLink.href = pageUrl({ draft: moved.id });
      },
    );
    this.previewLanguage = draft.level.languages.includes(translator.language())
      ? translator.language()
      : (draft.level.languages[0] ?? 'en');
    this.languageName = languageNamer(translator);
    this.undoButton = button(t('editor:undo'), () => this.step(undo));
    this.redoButton = button(t('editor:redo'), () => this.step(redo));
    this.form = {
      t: (key, params) => t(key, params ?? {}),
      level: () => this.level,
      change: (path, value, options) => this.update(setAt(this.level, path, value), options),
      replace: (level, focusPath) => {
        this.update(level, { rerender: true });
        if (focusPath) focusPathIn(this.main, this.formArea, pathKey(focusPath));
      },
      languageName: this.languageName,
      custom: customFields({
        form: () => this.form,
        translator,
        content,
        formArea: this.formArea,
        update: (next, options) => this.update(next, options),
      }),
      // A post's picture starts as the one the game draws from its description, so
      // adding it changes nothing on screen until the trainer edits it.
      startValue: (name, path) => {
        if (name !== 'posts.picture') return undefined;
        const post = this.level.posts[path[1] as number];
        return post && (pictureFor({ ...post, picture: undefined }) ?? undefined);
      },
    };
  }

  private get level(): Level {
    return this.history.present;
  }

  show(): void {
    const { t } = this.translator;
    const heading = el('h1', t('editor:title'));
    heading.tabIndex = -1;
    const name = this.nameInput;
    name.type = 'text';
    name.maxLength = 80;
    name.value = this.saver.draft.name;
    name.addEventListener('input', () => this.saver.rename(name.value));
    const back = el('a', t('editor:allDrafts'));
    back.href = pageUrl({ editor: '' });
    back.addEventListener('click', () => this.saver.flush());
    const bar = el('div', null, 'editor-bar');
    bar.append(
      field(name, t('editor:draftName')).wrapper,
      this.saver.status,
      this.undoButton,
      this.redoButton,
      back,
    );
    const columns = el('div', null, 'editor-columns');
    const side = el('div', null, 'editor-side');
    side.append(
      this.checksArea,
      this.previewArea,
      shareSection(this.translator, () => this.level, this.playLink, this.saver),
    );
    columns.append(this.formArea, side);
    this.main.replaceChildren(heading, bar, this.tabs, columns);
    document.addEventListener('keydown', (event) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) this.step(undo);
      else if (key === 'y' || (key === 'z' && event.shiftKey)) this.step(redo);
      else return;
      event.preventDefault();
    });
    // Nothing lost on a closed tab: what is pending is written as the page goes away.
    window.addEventListener('pagehide', () => this.saver.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) this.saver.flush();
    });
    this.render();
    this.runChecks();
    this.saver.showStatus();
    heading.focus();
  }

  private update(next: Level, options: { group?: string; rerender?: boolean } = {}): void {
    this.history = record(this.history, next, options.group ?? null, Date.now());
    this.afterChange(options.rerender === true);
  }

  private step(move: (history: History<Level>) => History<Level>): void {
    const before = this.history;
    this.history = move(this.history);
    if (this.history !== before) this.afterChange(true);
  }

  private afterChange(rerender: boolean): void {
    if (rerender) {
      // The control in use is drawn again: focus goes back to it (or to what replaced it).
      const focused = (document.activeElement as HTMLElement | null)?.dataset.path;
      this.render();
      if (focused) focusPathIn(this.main, this.formArea, focused);
    } else this.updateButtons();
    this.saver.schedule();
    window.clearTimeout(this.checkTimer);
    this.checkTimer = window.setTimeout(() => this.runChecks(), SETTLE_MS);
  }

  private updateButtons(): void {
    this.undoButton.disabled = this.history.past.length === 0;
    this.redoButton.disabled = this.history.future.length === 0;
  }

  private render(): void {
    const { t } = this.translator;
    this.updateButtons();
    this.tabs.replaceChildren();
    this.tabs.setAttribute('role', 'group');
    this.tabs.setAttribute('aria-label', t('editor:sections'));
    for (const section of ['level', ...COLLECTIONS] as const) {
      const count = section === 'level' ? null : this.level[section].length;
      const tab = button(t(`editor:section.${section}`, { count: count ?? 0 }), () => {
        this.section = section;
        this.render();
        this.formArea.querySelector<HTMLElement>('h2')?.focus();
      });
      tab.setAttribute('aria-pressed', String(section === this.section));
      tab.dataset.section = section;
      this.tabs.append(tab);
    }
    const heading = el(
      'h2',
      this.section === 'level' ? t('editor:section.level') : label(this.form, this.section),
    );
    heading.tabIndex = -1;
    this.formArea.replaceChildren(heading);
    if (this.section === 'level') {
      this.formArea.append(
        languagesField(this.form, this.translator),
        ...renderEntries(
          this.form,
          LEVEL_FIELDS,
          [],
          ['$schema', 'formatVersion', 'languages', ...COLLECTIONS],
        ),
      );
    } else this.formArea.append(...this.collection(this.section));
    this.renderPreview();
  }

  private itemName(collection: Collection, index: number): string {
    const item = this.level[collection][index];
    if (!item) return '';
    const title =
      'name' in item ? this.translator.text(item.name) : this.translator.text(item.text);
    const short = title.length > 40 ? `${title.slice(0, 40)}…` : title;
    return `${index + 1}. ${item.id}${short ? ` · ${short}` : ''}`;
  }

  /** A list of accounts, posts or tactics to pick from, then the picked one's form. */
  private collection(collection: Collection): HTMLElement[] {
    const { t } = this.translator;
    const items = this.level[collection];
    const index = Math.min(this.selected[collection], Math.max(0, items.length - 1));
    this.selected[collection] = index;
    const list = el('ol', null, 'editor-items');
    list.setAttribute('aria-label', t(`editor:section.${collection}`, { count: items.length }));
    items.forEach((_, at) => {
      const item = el('li');
      const name = this.itemName(collection, at);
      const pick = button(name, () => {
        this.selected[collection] = at;
        this.render();
        this.formArea.querySelector<HTMLElement>(`[data-path^="${collection}[${at}]"]`)?.focus();
      });
      pick.setAttribute('aria-current', String(at === index));
      pick.dataset.path = pathKey([collection, at]);
      item.append(
        pick,
        itemButtons(this.form, [collection], at, items.length, name, {
          duplicate: () =>
            this.select(collection, at + 1, duplicateItem(this.level, collection, at)),
          remove: () => this.removeFrom(collection, at),
        }),
      );
      list.append(item);
    });
    const add = button(t(`editor:add.${collection}`), () => {
      const fresh =
        collection === 'accounts'
          ? blankAccount(this.level)
          : collection === 'posts'
            ? blankPost(this.level)
            : {
                ...(emptyValue(this.level, nodeOf('tactics')) as object),
                id: freshId(
                  'tactic',
                  items.map((item) => item.id),
                ),
              };
      this.select(
        collection,
        items.length,
        insertItem(this.level, [collection], items.length, fresh),
      );
    });
    add.className = 'add';
    const parts: HTMLElement[] = [list, add];
    if (items[index]) {
      const set = el('fieldset', null, 'group selected-item');
      set.append(
        el('legend', this.itemName(collection, index)),
        ...renderEntries(this.form, nodeOf(collection), [collection, index]),
      );
      parts.push(set);
    }
    const error = alertLine();
    error.dataset.role = 'collection-error';
    parts.splice(1, 0, error);
    return parts;
  }

  private select(collection: Collection, index: number, level: Level): void {
    this.selected[collection] = index;
    this.form.replace(level, [collection, index]);
  }

  private removeFrom(collection: Collection, index: number): void {
    const { t } = this.translator;
    if (collection === 'accounts' && accountInUse(this.level, index)) {
      const error = this.formArea.querySelector<HTMLElement>('[data-role="collection-error"]');
      if (error) {
        error.hidden = false;
        error.textContent = t('editor:accountInUse', { id: this.level.accounts[index]?.id ?? '' });
      }
      return;
    }
    this.selected[collection] = Math.max(0, index - 1);
    this.form.replace(removeItem(this.level, [collection], index), [collection]);
  }

  /** Goes to the field a validator message names: its section, its item, its control. */
  private goTo(path: string): void {
    const match = /^(accounts|posts|tactics)\[(\d+)\]/.exec(path);
    if (match) {
      const collection = match[1] as Collection;
      this.section = collection;
      this.selected[collection] = Number(match[2]);
    } else if (/^(accounts|posts|tactics)\b/.test(path))
      this.section = path.split(/[.[]/)[0] as Collection;
    else this.section = 'level';
    this.render();
    focusPathIn(this.main, this.formArea, path);
  }

  private runChecks(): void {
    renderChecks(
      this.checksArea,
      this.translator,
      this.content,
      this.level,
      this.languageName,
      (path) => this.goTo(path),
    );
    this.renderPreview();
  }

  private renderPreview(): void {
    const { t } = this.translator;
    const index = this.selected.posts;
    this.previewArea.replaceChildren(el('h2', t('editor:preview.title')));
    if (!this.level.languages.includes(this.previewLanguage))
      this.previewArea.dataset.language = this.previewLanguage = this.level.languages[0] ?? 'en';
    const previewPath: JsonPath = ['preview'];
    const pick = choiceField(
      { ...this.form, level: () => ({ preview: this.previewLanguage }) as unknown as Level },
      previewPath,
      t('editor:preview.language'),
      this.level.languages.map((language) => ({
        value: language,
        label: this.languageName(language),
      })),
      (language) => {
        this.previewLanguage = language;
        this.renderPreview();
        this.previewArea.querySelector('select')?.focus();
      },
    );
    this.previewArea.append(
      pick,
      el('p', t('editor:preview.which', { post: this.itemName('posts', index) }), 'hint'),
      renderPreview(this.translator, this.level, index, this.previewLanguage),
    );
  }
}
