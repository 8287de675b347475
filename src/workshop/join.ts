/**
 * A student opens a workshop link: the setup is read from the URL, they type a
 * nickname (nothing else is asked), and the game plays exactly that setup.
 */
import { seedFromText } from '../core/random';
import { MAX_NICKNAME_LENGTH } from '../core/workshop/result';
import { decodeSetup, missingLevels, type WorkshopSetup } from '../core/workshop/setup';
import type { GameContext } from '../scenes/context';
import type { SceneEntry } from '../scenes/navigation';
import type { Content } from '../services/content';
import { button, el } from '../ui/dialog';
import { loadPacks } from './custom-levels';
import { codeProblem } from './problems';
import { StudentRun } from './run';
import { alertLine, field } from './share';
import { loadWorkshopStrings } from './strings';
import './workshop.css';

export async function joinWorkshop(
  ctx: GameContext,
  code: string,
  open: (entry: SceneEntry) => void,
): Promise<void> {
  await loadWorkshopStrings(ctx.translator);
  const { t } = ctx.translator;
  ctx.layer.clear(); // the loading notice
  const panel = ctx.layer.adopt(el('section', null, 'overlay-panel workshop-join'));
  panel.setAttribute('aria-labelledby', 'workshop-join-heading');
  const heading = el('h1', t('workshop:join.title'));
  heading.id = 'workshop-join-heading';
  heading.tabIndex = -1;
  panel.append(heading);

  const fail = (message: string) => {
    panel.append(el('p', message, 'notice'));
    panel.append(button(t('workshop:join.playAlone'), () => open({ scene: 'title' }), 'primary'));
    heading.focus();
  };
  const decoded = decodeSetup(code);
  if (!decoded.ok) return fail(t('workshop:join.bad', { reason: codeProblem(t, decoded) }));
  const { setup } = decoded;
  let content: Content;
  try {
    content = await ctx.contentReady;
  } catch (error) {
    return fail(t('common.loadFailed', { reason: (error as Error).message }));
  }
  // The trainer's own levels, fetched and checked like levels:check before anything plays.
  const packMessages =
    setup.packs.length === 0
      ? []
      : (await loadPacks(ctx.translator, content, setup.packs)).messages;
  const missing = missingLevels(
    setup,
    content.levels.map((level) => level.id),
  );
  if (missing.length > 0) {
    fail(t('workshop:join.missing', { levels: missing.join(', ') }));
    if (packMessages.length > 0) {
      const list = el('ul', null, 'broken-level');
      for (const message of packMessages) list.append(el('li', message));
      panel.append(list);
    }
    return;
  }

  panel.append(...describeSetup(ctx, setup));
  const form = el('form');
  const input = el('input');
  input.type = 'text';
  input.required = true;
  input.maxLength = MAX_NICKNAME_LENGTH;
  input.autocomplete = 'off';
  input.spellcheck = false;
  form.append(field(input, t('workshop:join.nickname'), t('workshop:join.nicknameHelp')).wrapper);
  const error = alertLine();
  const start = el('button', t('workshop:join.start'), 'primary');
  start.type = 'submit';
  form.append(error, start);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const nickname = input.value.trim();
    if (nickname === '') {
      error.hidden = false;
      error.textContent = t('workshop:join.nicknameMissing');
      input.focus();
      return;
    }
    const run = new StudentRun(setup, nickname, ctx);
    ctx.workshop = run;
    // The facilitator chose the levels and rules: no campaign locks, and every level
    // starts with the workshop's mode, feedback timing and time limit.
    ctx.allUnlocked = true;
    ctx.sessionSetup = run.sessionSetup;
    // Everyone in the workshop sees the same feed order.
    ctx.fixedSeed = seedFromText(setup.seed);
    const play = () => open({ scene: 'feed', data: { levelId: setup.levels[0] as string } });
    if (setup.check === 'off') return play();
    // The headline check comes before play: the baseline (pre) or the booster round.
    const phase = setup.check === 'booster' ? 'booster' : 'pre';
    void import('./check')
      .then(({ runCheck }) =>
        runCheck(ctx.layer, ctx.translator, phase, seedFromText(`${setup.seed}:${phase}`)),
      )
      .then((answers) => {
        run.checks[phase] = answers;
        play();
      });
  });
  panel.append(form);
  input.focus();
}

function describeSetup(ctx: GameContext, setup: WorkshopSetup): HTMLElement[] {
  const { t, text } = ctx.translator;
  const titles = setup.levels.map((id) => {
    const level = ctx.content.levels.find((candidate) => candidate.id === id);
    return level ? text(level.title) : id;
  });
  const list = el('ol');
  for (const title of titles) list.append(el('li', title));
  const facts = [
    t(`workshop:mode.${setup.mode}`),
    t(`workshop:feedback.${setup.feedback}`),
    setup.timeLimitMinutes === null
      ? t('workshop:join.noTimeLimit')
      : t('workshop:join.timeLimit', { minutes: setup.timeLimitMinutes }),
  ].join(' · ');
  return [...(setup.title ? [el('p', setup.title, 'workshop-name')] : []), el('p', facts), list];
}
