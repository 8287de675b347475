/**
 * The trainer's pages, chosen by URL (`?facilitator`, `?dashboard`): plain DOM pages in
 * this lazily loaded chunk. Phaser is not started on them.
 */
import { openCampaign } from '../services/campaign';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { el } from '../ui/dialog';
import { loadWorkshopStrings } from './strings';
import './workshop.css';

export type WorkshopPage = 'facilitator' | 'dashboard' | 'progress' | 'guide';

export async function showWorkshopPage(
  page: WorkshopPage,
  translator: Translator,
  store: KeyValueStore,
): Promise<void> {
  await loadWorkshopStrings(translator);
  document.body.classList.add('workshop-page');
  document.title = `${translator.t(`workshop:${page === 'progress' ? 'transfer' : page}.title`)} · ${translator.t('title.name')}`;
  const app = document.getElementById('app') as HTMLElement;
  const main = el('div', null, 'workshop-main');
  app.replaceChildren(main);
  if (page === 'progress') {
    const { renderTransfer } = await import('./transfer-page');
    renderTransfer(main, translator, store);
    return;
  }
  main.append(el('p', translator.t('common.loading'), 'meta'));
  let content: Content;
  try {
    content = await openCampaign(translator).contentReady;
  } catch (error) {
    main.replaceChildren(
      el('p', translator.t('common.loadFailed', { reason: (error as Error).message }), 'notice'),
    );
    return;
  }
  main.replaceChildren();
  if (page === 'guide') {
    const { renderGuide } = await import('./guide');
    renderGuide(main, translator, content, new URLSearchParams(location.search).get('guide') ?? '');
  } else if (page === 'facilitator') {
    const { renderFacilitator } = await import('./facilitator');
    renderFacilitator(main, translator, content);
  } else {
    const { renderDashboard } = await import('./dashboard');
    renderDashboard(main, translator, content, store);
  }
}
