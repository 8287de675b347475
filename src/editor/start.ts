/** The editor's start page: the drafts kept in this browser, and the ways to begin a level. */
import { type Draft, newDraftId } from '../core/editor/drafts';
import { blankLevel, copyOfLevel } from '../core/editor/operations';
import type { Level } from '../core/level/schema';
import type { Content } from '../services/content';
import { AVAILABLE_LANGUAGES, type Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import { alertLine, field, pageUrl } from '../workshop/share';
import type { DraftStore } from './draft-store';
import { exportPack, openFilesSection } from './files';
import { languageNamer } from './form';

/** The start: the drafts kept in this browser, and the ways to begin a new level. */
export function renderStart(
  main: HTMLElement,
  translator: Translator,
  content: Content,
  store: DraftStore,
  openDraft: (draft: Draft) => void,
): void {
  const { t, text } = translator;
  const languageName = languageNamer(translator);
  history.replaceState(null, '', pageUrl({ editor: '' }));
  main.replaceChildren();
  const heading = el('h1', t('editor:title'));
  heading.tabIndex = -1;
  main.append(heading, el('p', t('editor:intro')));
  if (!store.persistent) main.append(el('p', t('editor:save.unavailable'), 'notice'));
  const begin = (level: Level, name: string) => {
    const draft: Draft = {
      id: newDraftId(Date.now(), Math.random),
      name,
      savedAt: Date.now(),
      level,
    };
    store.save(draft);
    openDraft(draft);
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
      if (fresh) openDraft(fresh);
    });
    open.setAttribute('aria-label', t('editor:start.openWhat', { name: draft.name }));
    const remove = button(t('editor:form.delete'), () => {
      if (!window.confirm(t('editor:start.deleteConfirm', { name: draft.name }))) return;
      store.remove(draft.id);
      renderStart(main, translator, content, store, openDraft);
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
          id: newDraftId(Date.now(), Math.random),
          name: text(level.title) || level.id,
          savedAt: Date.now(),
          level,
        });
      if (first) begin(first, text(first.title) || first.id);
    }),
  );
  heading.focus();
}
