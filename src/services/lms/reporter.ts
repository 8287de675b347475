/**
 * Reports a unit launched by an LMS (see launch.ts). For a level: restores the LMS's
 * saved session, then watches each Play of that level and tells the LMS every
 * decision, the unfinished session after each action, and the result once the level
 * ends. For the headline check: opens it over the title and reports each headline and
 * the score. A failure to reach the LMS is told to the player once; the game goes on.
 *
 * One launch, one attempt: the first session of the level that finishes is the one
 * reported; levels played after it are the player's own.
 */
import checkItems from '../../../levels/headline-check/items.json';
import {
  type AnsweredDetails,
  checkInteraction,
  checkResult,
  GENUINE_RESPONSE,
  lmsResult,
  postInteraction,
} from '../../core/lms';
import { seedFromText } from '../../core/random';
import { decisionsIn, parseResume } from '../../core/resume';
import { tacticsForLevel } from '../../core/taxonomy';
import { scoreCheck } from '../../core/workshop/assessment';
import type { GameContext } from '../../scenes/context';
import type { Play } from '../play';
import type { LmsClient } from './client';
import { cmi5Client } from './cmi5';
import type { CheckUnit, LmsLaunch } from './launch';
import { scormClient } from './scorm';

/** What the reporter of either unit shares: the client, and one notice at most. */
interface Reporting {
  client: LmsClient;
  couldNotSend(error: unknown): void;
  /** `leaving` runs once when the page goes away: this launch's time, and whether it ended. */
  onLeave(leaving: () => { sessionMs: number; finished: boolean }): void;
}

export async function connectLms(launch: LmsLaunch, context: GameContext): Promise<void> {
  if (launch.mode) context.sessionSetup = { ...context.sessionSetup, mode: launch.mode };
  const client: LmsClient =
    launch.kind === 'cmi5' && launch.cmi5
      ? cmi5Client(launch.cmi5)
      : scormClient(launch.kind === 'scorm12' ? 'scorm12' : 'scorm2004');
  let notified = false;
  const reporting: Reporting = {
    client,
    couldNotSend(error) {
      console.warn('Flag the Feed: results could not be sent to the learning platform', error);
      if (notified) return;
      notified = true;
      showNotSent(context);
    },
    onLeave(leaving) {
      let left = false;
      window.addEventListener('pagehide', () => {
        if (left) return;
        left = true;
        const { sessionMs, finished } = leaving();
        client.leave(sessionMs, finished);
      });
    },
  };

  let start: Awaited<ReturnType<LmsClient['begin']>>;
  try {
    start = await client.begin();
  } catch (error) {
    reporting.couldNotSend(error);
    return;
  }
  if (launch.check) {
    void takeCheck(launch.check, context, reporting);
    return;
  }
  if (launch.levelId)
    watchLevel(
      launch.levelId,
      start.passMark ?? launch.passMark,
      start.suspendData,
      context,
      reporting,
    );
}

function watchLevel(
  levelId: string,
  passMark: number | null,
  suspendData: string | null,
  context: GameContext,
  { client, couldNotSend, onLeave }: Reporting,
): void {
  const saved = parseResume(suspendData);
  // The LMS's copy of this attempt wins over whatever this browser kept.
  if (saved.status === 'ok' && saved.resume.levelId === levelId) context.resume.save(saved.resume);
  else context.resume.forget(levelId);

  // Once the result is reported or the page left, later sessions are the player's own.
  let finished = false;
  let left = false;
  const ended = () => finished || left;
  let watched: Play | null = null;
  let startElapsedMs = 0;
  // The browser saves after every action; the LMS gets the session after each decision,
  // which bounds the traffic to one save per post (a relaunch reopens the next post).
  const resume = context.resume;
  const saveLocally = resume.save.bind(resume);
  let decisionsSent = decisionsIn(saved.status === 'ok' ? saved.resume : { actions: [] });
  resume.save = (data) => {
    saveLocally(data);
    if (data.levelId !== levelId || ended() || decisionsIn(data) === decisionsSent) return;
    decisionsSent = decisionsIn(data);
    client.saveProgress(JSON.stringify(data)).catch(couldNotSend);
  };
  onLeave(() => {
    left = true;
    return { sessionMs: watched ? watched.state.elapsedMs - startElapsedMs : 0, finished };
  });

  let reported = 0;
  context.sessions.onPlayStarted((play) => {
    if (ended() || play.level.id !== levelId) return;
    watched = play;
    startElapsedMs = play.state.elapsedMs;
    const openedAt = new Map<string, number>();
    const details = (postId: string): AnsweredDetails => ({
      levelId,
      postName: play.post(postId)?.text,
      choices: levelChoices(play, context),
    });
    play.subscribe((state, action, previous) => {
      if (ended() || watched !== play) return;
      if (action.type === 'open') openedAt.set(action.postId, state.elapsedMs);
      const postId = previous.openPostId;
      const scored = play.score().posts.find((post) => post.postId === postId);
      if ((action.type === 'flag' || action.type === 'pass') && postId && scored) {
        const latencyMs = state.elapsedMs - (openedAt.get(postId) ?? state.elapsedMs);
        client
          .answered(postInteraction(scored, latencyMs), reported++, details(postId))
          .catch(couldNotSend);
      }
      if (state.finished) {
        finished = true;
        const sessionMs = state.elapsedMs - startElapsedMs;
        const result = lmsResult(play.score(), passMark ?? play.level.passMark, sessionMs);
        client.finished(result).catch(couldNotSend);
      }
    });
  });
}

/** Every choice a post offered: the level's tactics, the lure, and "looks genuine". */
function levelChoices(play: Play, context: GameContext): AnsweredDetails['choices'] {
  const content = context.levelContent(play.level.id);
  const tactics = content
    ? [
        ...tacticsForLevel(content.taxonomy, play.level),
        { id: 'lure', name: content.taxonomy.lure.name },
      ]
    : [];
  const { translator } = context;
  return [
    ...tactics.map((choice) => ({ id: choice.id, name: choice.name })),
    { id: GENUINE_RESPONSE, name: { [translator.language()]: translator.t('post.pass') } },
  ];
}

/** The headline check over the title (it stays open when the title rebuilds). */
async function takeCheck(
  phase: CheckUnit,
  context: GameContext,
  { client, couldNotSend, onLeave }: Reporting,
): Promise<void> {
  const [{ runCheck }, { loadWorkshopStrings }] = await Promise.all([
    import('../../workshop/check'),
    import('../../workshop/strings'),
  ]);
  const { translator, layer } = context;
  await loadWorkshopStrings(translator);
  const startedAt = performance.now();
  let finished = false;
  onLeave(() => ({ sessionMs: performance.now() - startedAt, finished }));
  const seed = seedFromText(`${phase}:${Date.now()}:${Math.random()}`);
  const answers = await runCheck(layer, translator, phase, seed, { keepOnRebuild: true });
  const unit = `headline-check-${phase}`;
  const choices = [true, false].map((real) => ({
    id: real ? 'real' : 'fake',
    name: {
      [translator.language()]: translator.t(real ? 'workshop:check.real' : 'workshop:check.fake'),
    },
  }));
  for (const [index, answer] of answers.entries()) {
    const item = checkItems.items.find((candidate) => candidate.id === answer.itemId);
    client
      .answered(checkInteraction(answer), index, { levelId: unit, postName: item?.text, choices })
      .catch(couldNotSend);
  }
  finished = true;
  client
    .finished(checkResult(scoreCheck(answers), performance.now() - startedAt))
    .catch(couldNotSend);
}

/** A notice over the game, read out once; the player closes it and plays on. */
function showNotSent(context: GameContext): void {
  const { translator, layer } = context;
  const notice = document.createElement('div');
  notice.className = 'lms-notice';
  notice.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = translator.t('lms.notSent');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = translator.t('lms.dismiss');
  close.addEventListener('click', () => notice.remove());
  notice.append(text, close);
  document.body.append(notice);
  layer.announce(translator.t('lms.notSent'));
}
