/** The level's briefing before the feed starts, and what the chosen mode means for it. */
import { feedGlides } from '../../core/glide';
import type { Level } from '../../core/level/schema';
import type { SessionState } from '../../core/session';
import { button, el, openPanel } from '../../ui/dialog';
import type { GameContext } from '../context';

/** Opens the briefing; `start` runs when the player starts (or closes it). */
export function showBriefing(ctx: GameContext, level: Level, start: () => void): () => void {
  const { layer, translator } = ctx;
  const { t } = translator;
  const panel = openPanel(layer, translator.text(level.title), start);
  panel.body.append(el('p', translator.text(level.briefing)));
  panel.body.append(el('h3', t('feed.goals')));
  const goals = el('ul');
  for (const goal of level.goals) goals.append(el('li', translator.text(goal)));
  panel.body.append(goals);
  const state = ctx.play?.state;
  if (state) panel.body.append(el('p', modeLine(ctx, state), 'meta'));
  const actions = el('div', null, 'row');
  const go = button(t('feed.start'), start, 'primary');
  actions.append(go);
  panel.body.append(actions);
  go.focus();
  return () => panel.close();
}

/** What the chosen mode means for this session, said before it starts. */
function modeLine(ctx: GameContext, state: SessionState): string {
  const { t } = ctx.translator;
  const parts = [t(`modes.mode.${state.mode}`)];
  parts.push(
    t(state.rules.feedback === 'immediate' ? 'modes.rules.feedbackNow' : 'modes.rules.feedbackEnd'),
  );
  const limit = state.rules.timeLimitSeconds;
  parts.push(
    limit === null
      ? t('modes.rules.untimed')
      : t('modes.rules.timed', {
          minutes: ctx.translator.number(Math.round((limit / 60) * 10) / 10),
        }),
  );
  if (state.rules.bonuses) parts.push(t('modes.rules.bonuses'));
  if (feedGlides(state.rules)) parts.push(t('glide.rule'));
  return parts.join(' · ');
}
