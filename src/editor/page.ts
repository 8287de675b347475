/**
 * `?editor`: the level editor, a DOM page in its own chunk. Trainers start from a
 * blank level, a copy of a campaign level or their own files, edit in forms built
 * from the level format, see the validator's and the cue check's words as they type,
 * preview a post, play the level in a new tab and export it. Drafts save themselves.
 */
import { openCampaign } from '../services/campaign';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { el } from '../ui/dialog';
import { pageUrl } from '../workshop/share';
import { loadPageStrings, loadWorkshopStrings } from '../workshop/strings';
import { openDraftStore } from './draft-store';
import { Editor } from './editor';
import { renderStart } from './start';
import '../workshop/workshop.css';
import './editor.css';

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
  else
    renderStart(main, translator, content, store, (chosen) => {
      history.replaceState(null, '', pageUrl({ editor: chosen.id }));
      new Editor(main, translator, content, store, chosen).show();
    });
}
