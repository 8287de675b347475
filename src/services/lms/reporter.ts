/**
 * Reports a level played from an LMS launch (see launch.ts): restores the LMS's saved
 * session, then watches each Play of the launched level and tells the LMS every
 * decision, the unfinished session after each action, and the result once the level
 * ends. A failure to reach the LMS is told to the player once; the game goes on.
 *
 * One launch, one attempt: the first session of the level that finishes is the one
 * reported; levels played after it are the player's own.
 */
import { GENUINE_RESPONSE, lmsResult, postInteraction } from '../../core/lms';
import { parseResume } from '../../core/resume';
import { tacticsForLevel } from '../../core/taxonomy';
import type { GameContext } from '../../scenes/context';
import { onPlayCreated, type Play } from '../play';
import type { LmsClient } from './client';
import { cmi5Client } from './cmi5';
import type { LmsLaunch } from './launch';
import { scormClient } from './scorm';

export async function connectLms(launch: LmsLaunch, context: GameContext): Promise<void> {
  if (launch.mode) context.sessionSetup = { ...context.sessionSetup, mode: launch.mode };
  const client: LmsClient =
    launch.kind === 'cmi5' && launch.cmi5
      ? cmi5Client(launch.cmi5)
      : scormClient(launch.kind === 'scorm12' ? 'scorm12' : 'scorm2004');
  let notified = false;
  const couldNotSend = (error: unknown) => {
    console.warn('Flag the Feed: results could not be sent to the learning platform', error);
    if (notified) return;
    notified = true;
    showNotSent(context);
  };

  let passMark = launch.passMark;
  try {
    const start = await client.begin();
    passMark = start.passMark ?? passMark;
    const saved = parseResume(start.suspendData);
    // The LMS's copy of this attempt wins over whatever this browser kept.
    if (saved.status === 'ok' && saved.resume.levelId === launch.levelId)
      context.resume.save(saved.resume);
    else context.resume.forget(launch.levelId);
  } catch (error) {
    couldNotSend(error);
    return;
  }

  /** The attempt's result was reported; later sessions are the player's own. */
  let ended = false;
  let left = false;
  let watched: Play | null = null;
  let startElapsedMs = 0;
  // Each resume save (after every action) goes to the LMS too.
  const resume = context.resume;
  const saveLocally = resume.save.bind(resume);
  resume.save = (data) => {
    saveLocally(data);
    if (data.levelId === launch.levelId && !ended)
      client.saveProgress(JSON.stringify(data)).catch(couldNotSend);
  };

  window.addEventListener('pagehide', () => {
    if (left) return;
    left = true;
    const sessionMs = watched ? watched.state.elapsedMs - startElapsedMs : 0;
    client.leave(sessionMs, ended);
    ended = true;
  });

  let reported = 0;
  onPlayCreated((play) => {
    if (ended || play.level.id !== launch.levelId) return;
    watched = play;
    startElapsedMs = play.state.elapsedMs;
    const openedAt = new Map<string, number>();
    const content = context.levelContent(play.level.id);
    const choices = content
      ? [
          ...tacticsForLevel(content.taxonomy, play.level),
          { id: 'lure', name: content.taxonomy.lure.name },
        ].map((choice) => ({ id: choice.id, name: choice.name }))
      : [];
    choices.push({
      id: GENUINE_RESPONSE,
      name: { [context.translator.language()]: context.translator.t('post.pass') },
    });
    play.subscribe((state, action, previous) => {
      if (ended || watched !== play) return;
      if (action.type === 'open') openedAt.set(action.postId, state.elapsedMs);
      if (action.type === 'flag' || action.type === 'pass') {
        const postId = previous.openPostId;
        const scored = play.score().posts.find((post) => post.postId === postId);
        if (postId && scored) {
          const post = play.post(postId);
          const interaction = postInteraction(
            scored,
            state.elapsedMs - (openedAt.get(postId) ?? state.elapsedMs),
          );
          client
            .answered(interaction, reported++, {
              levelId: play.level.id,
              postName: post?.text,
              choices,
            })
            .catch(couldNotSend);
        }
      }
      if (state.finished) {
        ended = true;
        const result = lmsResult(
          play.score(),
          passMark ?? play.level.passMark,
          state.elapsedMs - startElapsedMs,
        );
        client.finished(result).catch(couldNotSend);
      }
    });
  });
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
