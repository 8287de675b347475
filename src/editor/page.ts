/**
 * `?editor`: the level editor, a DOM page in its own chunk. Trainers start from a
 * blank level, a copy of a campaign level or their own files, edit in forms built
 * from the level format, see the validator's and the cue check's words as they type,
 * preview a post, play the level in a new tab and export it. Drafts save themselves.
 */
import { zipSync } from 'fflate';
import { type Draft, newDraftId } from '../core/editor/drafts';
import { markEvidence } from '../core/editor/evidence';
import { entryOf, type FieldNode, LEVEL_FIELDS } from '../core/editor/fields';
import { type History, record, redo, startHistory, undo } from '../core/editor/history';
import { exportLevel } from '../core/editor/normalise';
import {
  accountInUse,
  blankAccount,
  blankLevel,
  blankPost,
  copyOfLevel,
  duplicateItem,
  freshId,
  insertItem,
  missingTranslations,
  removeItem,
  renameAccount,
  setAt,
  setLanguages,
  setTruth,
} from '../core/editor/operations';
import type { Problem } from '../core/level/problem';
import type { Level } from '../core/level/schema';
import { shortcutResults } from '../core/level/shortcuts';
import type { JsonPath } from '../core/level/texts';
import { validateLevelSource } from '../core/level/validate';
import { pictureFor } from '../core/pictures';
import { LURE_ID } from '../core/taxonomy';
import { openCampaign } from '../services/campaign';
import type { Content } from '../services/content';
import { AVAILABLE_LANGUAGES, type Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import {
  fetchLevels,
  levelSourceInputs,
  readLevelFiles,
  validateCustom,
} from '../workshop/custom-levels';
import { alertLine, download, field, pageUrl } from '../workshop/share';
import { loadPageStrings, loadWorkshopStrings } from '../workshop/strings';
import { type DraftStore, openDraftStore, type SaveResult } from './draft-store';
import {
  choiceField,
  emptyValue,
  type FormContext,
  itemButtons,
  label,
  localizedField,
  pathKey,
  renderEntries,
  renderNode,
} from './form';
import { renderPreview } from './preview';
import '../workshop/workshop.css';
import './editor.css';

type Section = 'level' | 'accounts' | 'posts' | 'tactics';
const COLLECTIONS = ['accounts', 'posts', 'tactics'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** Waits this long after the last keystroke before checking and saving: typing stays smooth. */
const SETTLE_MS = 300;

export async function showEditor(translator: Translator): Promise<void> {
  await loadPageStrings(translator, 'editor');
  await loadWorkshopStrings(translator);
  const { t } = translator;
  document.body.classList.add('workshop-page', 'editor-page');
  document.title = `${t('editor:title')} · ${t('title.name')}`;
  const main = el('div', null, 'workshop-main editor-main');
  (document.getElementById('app') as HTMLElement).replaceChildren(main);
  main.append(el('p', t('common.loading'), 'meta'));
  let content: Content;
  try {
    content = await openCampaign(translator).contentReady;
  } catch (error) {
    main.replaceChildren(
      el('p', t('common.loadFailed', { reason: (error as Error).message }), 'notice'),
    );
    return;
  }
  const store = openDraftStore();
  const wanted = new URLSearchParams(location.search).get('editor') ?? '';
  const draft = wanted ? store.load(wanted) : null;
  if (draft) new Editor(main, translator, content, store, draft).show();
  else renderStart(main, translator, content, store);
}

const now = () => Date.now();

function languageNamer(translator: Translator): (language: string) => string {
  const names = new Intl.DisplayNames([translator.language()], { type: 'language' });
  return (language) => names.of(language) ?? language;
}

function openDraft(
  main: HTMLElement,
  translator: Translator,
  content: Content,
  store: DraftStore,
  draft: Draft,
): void {
  history.replaceState(null, '', pageUrl({ editor: draft.id }));
  new Editor(main, translator, content, store, draft).show();
}

/** The start: the drafts kept in this browser, and the ways to begin a new level. */
function renderStart(
  main: HTMLElement,
  translator: Translator,
  content: Content,
  store: DraftStore,
) {
  const { t, text } = translator;
  const languageName = languageNamer(translator);
  history.replaceState(null, '', pageUrl({ editor: '' }));
  main.replaceChildren();
  const heading = el('h1', t('editor:title'));
  heading.tabIndex = -1;
  main.append(heading, el('p', t('editor:intro')));
  if (!store.persistent) main.append(el('p', t('editor:save.unavailable'), 'notice'));
  const begin = (level: Level, name: string) => {
    const draft: Draft = { id: newDraftId(now(), Math.random), name, savedAt: now(), level };
    store.save(draft);
    openDraft(main, translator, content, store, draft);
  };

  const { drafts, unreadable } = store.list();
  const draftSection = el('section');
  draftSection.append(el('h2', t('editor:start.drafts')));
  if (drafts.length === 0) draftSection.append(el('p', t('editor:start.noDrafts'), 'hint'));
  const list = el('ul', null, 'draft-list');
  for (const draft of drafts) {
    const item = el('li');
    item.append(
      el('span', draft.name),
      el(
        'span',
        t('editor:start.savedAt', {
          time: new Date(draft.savedAt).toLocaleString(translator.language()),
        }),
        'meta',
      ),
    );
    const open = button(t('editor:start.open'), () => {
      const fresh = store.load(draft.id);
      if (fresh) openDraft(main, translator, content, store, fresh);
    });
    open.setAttribute('aria-label', t('editor:start.openWhat', { name: draft.name }));
    const remove = button(t('editor:form.delete'), () => {
      if (!window.confirm(t('editor:start.deleteConfirm', { name: draft.name }))) return;
      store.remove(draft.id);
      renderStart(main, translator, content, store);
    });
    remove.setAttribute('aria-label', t('editor:form.deleteWhat', { what: draft.name }));
    item.append(open, remove);
    list.append(item);
  }
  draftSection.append(list);
  if (unreadable.length > 0)
    draftSection.append(
      el('p', t('editor:start.unreadable', { count: unreadable.length }), 'notice'),
    );
  if (drafts.length > 0)
    draftSection.append(
      button(t('editor:export.pack'), () => exportPack(drafts.map((draft) => draft.level))),
    );
  main.append(draftSection);

  // A blank level in the languages ticked.
  const blank = el('section');
  blank.append(el('h2', t('editor:start.blank')));
  const name = el('input');
  name.type = 'text';
  name.maxLength = 80;
  name.value = t('editor:start.untitled');
  blank.append(field(name, t('editor:start.name')).wrapper);
  const languageSet = el('fieldset');
  languageSet.append(el('legend', t('editor:start.languages')));
  for (const language of AVAILABLE_LANGUAGES) {
    const box = el('input');
    box.type = 'checkbox';
    box.value = language;
    box.checked = language === translator.language() || language === 'en';
    const caption = el('label', null, 'check');
    caption.append(box, el('span', languageName(language)));
    languageSet.append(caption);
  }
  const blankError = alertLine();
  blank.append(
    languageSet,
    blankError,
    button(
      t('editor:start.startBlank'),
      () => {
        const languages = [...languageSet.querySelectorAll('input:checked')].map(
          (box) => (box as HTMLInputElement).value,
        );
        if (languages.length === 0) {
          blankError.hidden = false;
          blankError.textContent = t('editor:start.noLanguage');
          return;
        }
        begin(blankLevel(languages), name.value.trim() || t('editor:start.untitled'));
      },
      'primary',
    ),
  );
  main.append(blank);

  // A copy of a campaign level, as a template.
  const copy = el('section');
  copy.append(el('h2', t('editor:start.copy')));
  const campaign = el('select');
  for (const level of content.levels) {
    const option = el('option', text(level.title));
    option.value = level.id;
    campaign.append(option);
  }
  copy.append(
    field(campaign, t('editor:start.campaignLevel')).wrapper,
    button(t('editor:start.startCopy'), () => {
      const level = content.levels.find((candidate) => candidate.id === campaign.value);
      if (!level) return;
      const ids = content.levels.map((other) => other.id);
      begin(copyOfLevel(level, ids), t('editor:start.copyName', { title: text(level.title) }));
    }),
  );
  main.append(copy);

  main.append(
    openFilesSection(translator, content, (levels) => {
      const [first, ...rest] = levels;
      for (const level of rest)
        store.save({
          id: newDraftId(now(), Math.random),
          name: text(level.title) || level.id,
          savedAt: now(),
          level,
        });
      if (first) begin(first, text(first.title) || first.id);
    }),
  );
  heading.focus();
}

/** Files, a folder, a zip or a URL: the facilitator's loaders, with the same messages. */
function openFilesSection(
  translator: Translator,
  content: Content,
  opened: (levels: Level[]) => void,
): HTMLElement {
  const { t } = translator;
  const section = el('section');
  section.append(el('h2', t('editor:start.openFile')), el('p', t('editor:start.openHelp'), 'hint'));
  const report = el('div');
  report.setAttribute('role', 'status');
  // A trainer's file may carry a campaign level's id: here that is an edit, not a clash.
  const check = (unpacked: Parameters<typeof validateCustom>[2]) =>
    validateCustom(translator, { ...content, levels: [] }, unpacked);
  const show = (result: { levels: Level[]; messages: string[] }) => {
    report.replaceChildren();
    if (result.messages.length > 0) {
      const list = el('ul', null, 'broken-level');
      for (const message of result.messages) list.append(el('li', message));
      report.append(el('p', t('editor:start.problems')), list);
    }
    if (result.levels.length > 0) opened(result.levels);
  };
  section.append(
    ...levelSourceInputs(
      translator,
      (files) => void readLevelFiles(files).then((unpacked) => show(check(unpacked))),
      (address) => {
        report.replaceChildren(el('p', t('common.loading')));
        void fetchLevels(translator, address).then((unpacked) =>
          show(
            typeof unpacked === 'string' ? { levels: [], messages: [unpacked] } : check(unpacked),
          ),
        );
      },
    ),
    report,
  );
  return section;
}

function exportPack(levels: readonly Level[]): void {
  const files = Object.fromEntries(
    levels.map((level, index) => [
      `${String(index + 1).padStart(2, '0')}-${level.id}.json`,
      new TextEncoder().encode(exportLevel(level)),
    ]),
  );
  download('levels-pack.zip', zipSync(files), 'application/zip');
}

function nodeOf(collection: Collection): Extract<FieldNode, { kind: 'object' }> {
  const list = entryOf(LEVEL_FIELDS, collection)?.node;
  return (list?.kind === 'list' ? list.item : { kind: 'object', entries: [] }) as Extract<
    FieldNode,
    { kind: 'object' }
  >;
}

/** One open draft: its history, the form, the checks, the preview and saving. */
class Editor {
  private history: History<Level>;
  private section: Section = 'level';
  private selected: Record<Collection, number> = { accounts: 0, posts: 0, tactics: 0 };
  private previewLanguage: string;
  private saveTimer = 0;
  private checkTimer = 0;
  private saved: SaveResult | 'pending' = 'saved';
  /** This tab's work went to a new draft because another tab saved the same one. */
  private forked = false;
  private readonly nameInput = el('input');
  private readonly playLink = el('a', null, 'button-link');
  private readonly formArea = el('div', null, 'editor-form');
  private readonly checksArea = el('div', null, 'editor-checks');
  private readonly previewArea = el('section', null, 'editor-preview-area');
  private readonly status = el('p', null, 'editor-status');
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly tabs = el('div', null, 'editor-tabs');
  private readonly form: FormContext;
  private readonly languageName: (language: string) => string;

  constructor(
    private readonly main: HTMLElement,
    private readonly translator: Translator,
    private readonly content: Content,
    private readonly store: DraftStore,
    private draft: Draft,
  ) {
    const { t } = translator;
    this.history = startHistory(draft.level);
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
        if (focusPath) this.focusPath(pathKey(focusPath));
      },
      languageName: this.languageName,
      custom: this.customFields(),
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
    name.value = this.draft.name;
    name.addEventListener('input', () => {
      this.draft = { ...this.draft, name: name.value };
      this.scheduleSave();
    });
    const back = el('a', t('editor:allDrafts'));
    back.href = pageUrl({ editor: '' });
    back.addEventListener('click', () => this.flush());
    const bar = el('div', null, 'editor-bar');
    bar.append(
      field(name, t('editor:draftName')).wrapper,
      this.status,
      this.undoButton,
      this.redoButton,
      back,
    );
    const columns = el('div', null, 'editor-columns');
    const side = el('div', null, 'editor-side');
    side.append(this.checksArea, this.previewArea, this.actions());
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
    window.addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) this.flush();
    });
    this.render();
    this.runChecks();
    this.showStatus();
    heading.focus();
  }

  private update(next: Level, options: { group?: string; rerender?: boolean } = {}): void {
    this.history = record(this.history, next, options.group ?? null, now());
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
      if (focused) this.focusPath(focused);
    } else this.updateButtons();
    this.scheduleSave();
    window.clearTimeout(this.checkTimer);
    this.checkTimer = window.setTimeout(() => this.runChecks(), SETTLE_MS);
  }

  private scheduleSave(): void {
    this.saved = 'pending';
    this.showStatus();
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.flush(), SETTLE_MS);
  }

  /** Saves now if anything is waiting. */
  private flush(): void {
    window.clearTimeout(this.saveTimer);
    if (this.saved !== 'pending') return;
    const stored = this.store.load(this.draft.id);
    if (stored && stored.savedAt > this.draft.savedAt) {
      // Another tab saved this draft since this one last did: both are kept, this
      // tab's work as a new draft, so neither overwrites the other.
      const { t } = this.translator;
      this.draft = {
        ...this.draft,
        id: newDraftId(now(), Math.random),
        name: t('editor:save.forkName', { name: this.draft.name }),
      };
      history.replaceState(null, '', pageUrl({ editor: this.draft.id }));
      this.nameInput.value = this.draft.name;
      this.playLink.href = pageUrl({ draft: this.draft.id });
      this.forked = true;
    }
    this.draft = { ...this.draft, level: this.level, savedAt: now() };
    this.saved = this.store.save(this.draft);
    this.showStatus();
  }

  private showStatus(): void {
    const { t } = this.translator;
    const words: Record<typeof this.saved, string> = {
      saved: t('editor:save.saved'),
      pending: t('editor:save.pending'),
      full: t('editor:save.full'),
      unavailable: t('editor:save.unavailable'),
    };
    this.status.textContent =
      this.forked && this.saved === 'saved'
        ? t('editor:save.forked', { name: this.draft.name })
        : words[this.saved];
    // Said aloud only when something needs the trainer: "Saving…" and "Saved" after
    // every pause in typing would talk over the screen reader reading the form.
    const trouble = this.saved === 'full' || this.saved === 'unavailable';
    this.status.classList.toggle('notice', trouble);
    if (trouble || (this.forked && this.saved === 'saved'))
      this.status.setAttribute('role', 'alert');
    else this.status.removeAttribute('role');
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
        this.languagesField(),
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

  /** Which languages the level has: ticking one adds an empty text in it everywhere. */
  private languagesField(): HTMLElement {
    const { t } = this.translator;
    const set = el('fieldset');
    set.append(el('legend', label(this.form, 'languages')));
    const languages = [...new Set([...AVAILABLE_LANGUAGES, ...this.level.languages])];
    for (const language of languages) {
      const box = el('input');
      box.type = 'checkbox';
      box.checked = this.level.languages.includes(language);
      box.dataset.path = pathKey(['languages', language]);
      box.addEventListener('change', () => {
        const next = box.checked
          ? [...this.level.languages, language]
          : this.level.languages.filter((other) => other !== language);
        if (next.length === 0) {
          box.checked = true;
          return;
        }
        this.form.replace(setLanguages(this.level, next), ['languages', language]);
      });
      const caption = el('label', null, 'check');
      caption.append(box, el('span', this.languageName(language)));
      set.append(caption);
    }
    set.append(el('p', t('editor:languagesHelp'), 'hint'));
    return set;
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

  /** The fields with forms of their own. */
  private customFields(): FormContext['custom'] {
    const { t } = this.translator;
    const indexOf = (path: JsonPath) => path[1] as number;
    return {
      'accounts.id': (path) => {
        const wrapper = renderNode(this.form, { kind: 'text' }, path, 'accounts.id');
        const input = wrapper.querySelector('input') as HTMLInputElement;
        // Renaming an account renames it in its posts too.
        input.addEventListener(
          'input',
          (event) => {
            event.stopImmediatePropagation();
            this.update(renameAccount(this.level, indexOf(path), input.value), {
              group: pathKey(path),
            });
          },
          { capture: true },
        );
        return wrapper;
      },
      'posts.author': (path) =>
        choiceField(
          this.form,
          path,
          label(this.form, 'posts.author'),
          this.level.accounts.map((account) => ({
            value: account.id,
            label: `${this.translator.text(account.name) || account.id} ${account.handle}`,
          })),
        ),
      'posts.truth.tactics': (path) => this.tacticsField(indexOf(path)),
      'posts.truth.lure': () => el('span'),
      'posts.truth.evidence': (path) => this.evidenceField(indexOf(path)),
      'posts.truth.explanations': (path) => {
        const set = el('fieldset', null, 'group');
        set.append(el('legend', label(this.form, 'posts.truth.explanations')));
        const explanations = this.level.posts[indexOf(path)]?.truth.explanations ?? {};
        for (const id of Object.keys(explanations))
          set.append(localizedField(this.form, [...path, id], this.tacticName(id)));
        if (Object.keys(explanations).length === 0)
          set.append(el('p', t('editor:explanationsHelp'), 'hint'));
        return set;
      },
    };
  }

  private tacticName(id: string): string {
    return this.translator.t(`tactics:${id}.name`, { defaultValue: id });
  }

  /** The tactics a post uses and the lure flag, as checkboxes; explanations follow them. */
  private tacticsField(postIndex: number): HTMLElement {
    const { t } = this.translator;
    const post = this.level.posts[postIndex];
    const set = el('fieldset');
    set.append(el('legend', label(this.form, 'posts.truth.tactics')));
    if (!post) return set;
    const ids = [
      ...this.content.taxonomy.tactics.map((tactic) => tactic.id),
      ...this.level.tactics.map((tactic) => tactic.id),
    ];
    const boxes: HTMLInputElement[] = [];
    const apply = (focusPath: JsonPath) => {
      const tactics = boxes
        .filter((box) => box.checked && box.value !== LURE_ID)
        .map((box) => box.value);
      const lure = boxes.some((box) => box.checked && box.value === LURE_ID);
      this.form.replace(setTruth(this.level, postIndex, tactics, lure), focusPath);
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
      caption.append(box, el('span', this.tacticName(id)));
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
    caption.append(lure, el('span', label(this.form, 'posts.truth.lure')));
    set.append(caption, el('p', t('editor:genuineHelp'), 'hint'));
    return set;
  }

  /**
   * Evidence is marked by selecting words in the post's text box and pressing a
   * button: a new phrase, or this language of an existing phrase.
   */
  private evidenceField(postIndex: number): HTMLElement {
    const { t } = this.translator;
    const post = this.level.posts[postIndex];
    const set = el('fieldset', null, 'group evidence');
    set.append(el('legend', label(this.form, 'posts.truth.evidence')));
    set.dataset.path = pathKey(['posts', postIndex, 'truth', 'evidence']);
    if (!post) return set;
    set.append(el('p', t('editor:evidence.help'), 'hint'));
    const error = alertLine();
    const mark = (evidence: number | null, language: string) => {
      const box = this.formArea.querySelector<HTMLTextAreaElement>(
        `textarea[data-path="${pathKey(['posts', postIndex, 'text', language])}"]`,
      );
      const next = box
        ? markEvidence(
            this.level,
            postIndex,
            evidence,
            language,
            box.selectionStart,
            box.selectionEnd,
          )
        : this.level;
      if (next === this.level) {
        error.hidden = false;
        error.textContent = t('editor:evidence.noSelection', {
          language: this.languageName(language),
        });
        return;
      }
      const index = evidence ?? post.truth.evidence.length;
      this.form.replace(next, ['posts', postIndex, 'truth', 'evidence', index, language]);
    };
    const list = el('ol');
    post.truth.evidence.forEach((phrase, index) => {
      const item = el('li');
      const what = t('editor:evidence.phrase', { number: index + 1 });
      for (const language of this.level.languages) {
        const line = el('p', null, 'evidence-line');
        const words = phrase[language]?.trim();
        const shown = el(
          'span',
          `${this.languageName(language)}: ${words ? `“${words}”` : t('editor:form.missing')}`,
        );
        shown.tabIndex = -1;
        shown.dataset.path = pathKey(['posts', postIndex, 'truth', 'evidence', index, language]);
        if (!words) line.classList.add('missing');
        const again = button(
          t('editor:evidence.markLanguage', { language: this.languageName(language) }),
          () => mark(index, language),
        );
        again.setAttribute(
          'aria-label',
          t('editor:evidence.markLanguageWhat', { language: this.languageName(language), what }),
        );
        line.append(shown, again);
        item.append(line);
      }
      const remove = button(t('editor:form.delete'), () =>
        this.form.replace(
          removeItem(this.level, ['posts', postIndex, 'truth', 'evidence'], index),
          ['posts', postIndex, 'truth', 'evidence'],
        ),
      );
      remove.setAttribute('aria-label', t('editor:form.deleteWhat', { what }));
      item.append(remove);
      list.append(item);
    });
    set.append(list, error);
    for (const language of this.level.languages)
      set.append(
        button(t('editor:evidence.markNew', { language: this.languageName(language) }), () =>
          mark(null, language),
        ),
      );
    return set;
  }

  /** Focuses the control of a path, or the first control inside it, or the nearest one around it. */
  private focusPath(path: string): void {
    let key = path;
    for (;;) {
      const quoted = CSS.escape(key);
      const target = this.main.querySelector<HTMLElement>(
        `[data-path="${quoted}"], [data-path^="${quoted}."], [data-path^="${quoted}["]`,
      );
      if (target) {
        target.focus();
        return;
      }
      const shorter = key.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
      if (shorter === key || shorter === '') break;
      key = shorter;
    }
    this.formArea.querySelector<HTMLElement>('h2')?.focus();
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
    this.focusPath(path);
  }

  private runChecks(): void {
    const { t } = this.translator;
    const level = this.level;
    const result = validateLevelSource(exportLevel(level), {
      builtInTactics: this.content.taxonomy.tactics.map((tactic) => tactic.id),
    });
    this.checksArea.replaceChildren();
    const heading = el('h2', t('editor:checks.title'));
    this.checksArea.append(heading);

    const problems: Problem[] = result.ok ? [] : result.problems;
    const problemHeading = el('h3', t('editor:checks.problems', { count: problems.length }));
    this.checksArea.append(problemHeading);
    if (problems.length === 0) this.checksArea.append(el('p', t('editor:checks.noProblems'), 'ok'));
    const list = el('ul', null, 'editor-problems');
    for (const problem of problems) {
      const message = t(`validation:${problem.code}`, {
        ...problem.params,
        defaultValue: problem.code,
      });
      const where = problem.path === '' ? t('validation:whole-file') : problem.path;
      const item = el('li');
      // A missing language names its text; the box of that language is the place to go.
      const lang = problem.params.lang;
      const place =
        typeof lang === 'string' && problem.path !== '' ? `${problem.path}.${lang}` : problem.path;
      const go = button(`${where}: ${message}`, () => this.goTo(place));
      go.className = 'link-button';
      item.append(go);
      list.append(item);
    }
    this.checksArea.append(list);

    // The cue check: a shortcut that passes the level means surface cues give it away.
    this.checksArea.append(el('h3', t('editor:checks.cues')));
    if (!result.ok) this.checksArea.append(el('p', t('editor:checks.cuesWait'), 'hint'));
    else {
      const passing = shortcutResults(result.value, result.value.languages).filter(
        (shortcut) => !shortcut.fails,
      );
      if (passing.length === 0) this.checksArea.append(el('p', t('editor:checks.noCues'), 'ok'));
      const cues = el('ul', null, 'editor-cues');
      for (const shortcut of passing)
        cues.append(
          el(
            'li',
            t(`editor:cues.${shortcut.shortcut}`, {
              percent: Math.round(shortcut.percent),
              passMark: shortcut.passMark,
              flagged: shortcut.flagged,
              posts: shortcut.posts,
            }),
          ),
        );
      this.checksArea.append(cues);
    }

    // Translations: how many texts each language still lacks.
    const missing = missingTranslations(level);
    this.checksArea.append(el('h3', t('editor:checks.translations', { count: missing.length })));
    const counts = el('ul', null, 'editor-translations');
    for (const language of level.languages) {
      const count = missing.filter((entry) => entry.language === language).length;
      counts.append(
        el('li', t('editor:checks.missingIn', { language: this.languageName(language), count })),
      );
    }
    this.checksArea.append(counts);
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

  private actions(): HTMLElement {
    const { t } = this.translator;
    const section = el('section', null, 'editor-actions');
    section.append(el('h2', t('editor:share.title')));
    const play = this.playLink;
    play.textContent = t('editor:play');
    play.href = pageUrl({ draft: this.draft.id });
    play.target = '_blank';
    play.rel = 'noopener';
    // The game reads the draft from storage: what is typed must be there first.
    play.addEventListener('click', () => this.flush());
    section.append(
      el('p', null),
      button(t('editor:export.json'), () =>
        download(`${this.level.id}.json`, exportLevel(this.level), 'application/json'),
      ),
      button(t('editor:export.pack'), () => exportPack([this.level])),
      el('p', t('editor:share.help'), 'hint'),
    );
    section.firstElementChild?.nextElementSibling?.append(play);
    return section;
  }
}
