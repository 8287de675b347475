/**
 * `?guide=<level id>`: a printable facilitator guide made from the level's own data:
 * briefing, goals, discussion questions, debrief and an answer key with each post's
 * tactics, lure flag, the phrases that give it away and why.
 */
import { authorName } from '../core/authors';
import type { Level } from '../core/level/schema';
import { isManipulative } from '../core/scoring';
import type { Content } from '../services/content';
import type { Translator } from '../services/i18n';
import { button, el } from '../ui/dialog';
import { pageUrl } from './share';

export function renderGuide(
  main: HTMLElement,
  translator: Translator,
  content: Content,
  levelId: string,
) {
  const { t, text } = translator;
  const level = content.levels.find((candidate) => candidate.id === levelId);
  if (!level) {
    main.append(
      el('h1', t('workshop:guide.title')),
      el('p', t('workshop:guide.unknown', { id: levelId }), 'notice'),
    );
    return;
  }
  main.classList.add('guide');
  const tools = el('div', null, 'row no-print');
  const back = el('a', t('workshop:guide.back'));
  back.href = pageUrl({ facilitator: '' });
  tools.append(
    button(t('workshop:guide.print'), () => window.print(), 'primary'),
    back,
  );
  main.append(
    tools,
    el('p', t('workshop:guide.kicker'), 'meta'),
    el('h1', text(level.title)),
    el('p', guideFacts(translator, level)),
    el('h2', t('workshop:guide.briefing')),
    el('p', text(level.briefing)),
    el('h2', t('workshop:guide.goals')),
    list('ul', level.goals.map(text)),
    el('h2', t('workshop:guide.discussion')),
    list('ol', level.discussion.map(text)),
    el('h2', t('workshop:guide.debrief')),
    el('p', text(level.debrief)),
    el('h2', t('workshop:guide.answerKey')),
  );
  const tacticName = (id: string) => t(`tactics:${id}.name`);
  const key = el('ol', null, 'guide-key');
  for (const post of level.posts) {
    const item = el('li');
    const { truth } = post;
    const verdict = isManipulative(truth)
      ? [...truth.tactics.map(tacticName), ...(truth.lure ? [t('workshop:guide.lure')] : [])].join(
          ', ',
        )
      : t('workshop:guide.genuine');
    item.append(
      el('p', authorName(level, post.author, text, { withHandle: true }), 'meta'),
      el('blockquote', text(post.text)),
      el('p', `${t('workshop:guide.answer')}: ${verdict}`, 'guide-answer'),
    );
    if (truth.evidence.length > 0)
      item.append(
        el(
          'p',
          `${t('workshop:guide.evidence')}: ${truth.evidence.map((e) => `“${text(e)}”`).join(' · ')}`,
        ),
      );
    for (const [id, why] of Object.entries(truth.explanations))
      item.append(
        el('p', `${id === 'lure' ? t('workshop:guide.lure') : tacticName(id)}: ${text(why)}`),
      );
    if (truth.whyGenuine) item.append(el('p', text(truth.whyGenuine)));
    key.append(item);
  }
  main.append(key);
}

function guideFacts({ t }: Translator, level: Level): string {
  const manipulative = level.posts.filter((post) => isManipulative(post.truth)).length;
  return t('workshop:guide.facts', {
    posts: level.posts.length,
    manipulative,
    genuine: level.posts.length - manipulative,
    mark: level.passMark,
  });
}

function list(tag: 'ul' | 'ol', items: readonly string[]): HTMLElement {
  const element = el(tag);
  for (const item of items) element.append(el('li', item));
  return element;
}
