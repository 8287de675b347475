/**
 * A student opens a workshop link: the setup is read from the URL, they type a
 * nickname (nothing else is asked), and the game plays exactly that setup. When this
 * browser saved a run of the same setup (a closed tab, a reload), they continue it
 * under the same nickname or start again.
 */
import { MAX_NICKNAME_LENGTH } from '../core/workshop/result';
import { decodeSetup, missingLevels, type WorkshopSetup } from '../core/workshop/setup';
import type { GameContext } from '../scenes/context';
import type { SceneEntry } from '../scenes/navigation';
import type { Content } from '../services/content';
import { button, el } from '../ui/dialog';
import { loadPacks } from './custom-levels';
import { codeProblem } from './problems';
import { StudentRun } from './run';
import { clearSavedRun, loadSavedRun } from './run-store';
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
  const begin = (run: StudentRun, onResultClosed?: () => void) => {
    ctx.sessions.joinWorkshop(run, setup.seed);
    void run.goOn((levelId) => open({ scene: 'feed', data: { levelId } }), onResultClosed);
  };

  const saved = loadSavedRun(ctx.store, setup);
  if (saved.status === 'unreadable' || saved.status === 'too-new')
    panel.append(el('p', t('workshop:resume.unreadable'), 'notice'));
  if (!ctx.store.persistent) panel.append(el('p', t('workshop:resume.notKept'), 'notice'));
  const form = nicknameForm(ctx, (nickname) => begin(new StudentRun(setup, nickname, ctx)));
  panel.append(form.element);
  if (saved.status !== 'ok') {
    form.input.focus();
    return;
  }

  // This link's run was saved in this browser: go on with it, or throw it away.
  const { run } = saved;
  form.element.hidden = true;
  const choice = el('div', null, 'workshop-resume');
  choice.append(
    el('p', t(run.finishedAt ? 'workshop:resume.finished' : 'workshop:resume.started')),
  );
  const done = run.played.length;
  const total = setup.levels.length;
  const continueButton = button(
    t('workshop:resume.continue', { nickname: run.nickname, done, total }),
    () => begin(new StudentRun(setup, run.nickname, ctx, run), () => continueButton.focus()),
    'primary',
  );
  const startAgain = button(t('workshop:resume.startAgain'), () => {
    clearSavedRun(ctx.store);
    // A level left mid-way belongs to the run thrown away: it must not resume either.
    const pending = ctx.resume.pending;
    if (pending && setup.levels.includes(pending.levelId)) ctx.resume.clear();
    choice.remove();
    form.element.hidden = false;
    ctx.layer.announce(t('workshop:resume.cleared'));
    form.input.focus();
  });
  const row = el('div', null, 'row');
  row.append(continueButton, startAgain);
  choice.append(row);
  form.element.before(choice);
  continueButton.focus();
}

/** The nickname form of a new run; `start` gets the trimmed nickname. */
function nicknameForm(
  ctx: GameContext,
  start: (nickname: string) => void,
): { element: HTMLFormElement; input: HTMLInputElement } {
  const { t } = ctx.translator;
  const form = el('form');
  const input = el('input');
  input.type = 'text';
  input.required = true;
  input.maxLength = MAX_NICKNAME_LENGTH;
  input.autocomplete = 'off';
  input.spellcheck = false;
  form.append(field(input, t('workshop:join.nickname'), t('workshop:join.nicknameHelp')).wrapper);
  const error = alertLine();
  const submit = el('button', t('workshop:join.start'), 'primary');
  submit.type = 'submit';
  form.append(error, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const nickname = input.value.trim();
    if (nickname === '') {
      error.hidden = false;
      error.textContent = t('workshop:join.nicknameMissing');
      input.focus();
      return;
    }
    start(nickname);
  });
  return { element: form, input };
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
