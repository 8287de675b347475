/** The one owner of the current session: start, keep, resume, end, join, and who hears of it. */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import type { Play } from '../../src/services/play';
import { PlaySessions, type SessionHost, type WorkshopRun } from '../../src/services/play-session';
import { savePreference } from '../../src/services/preferences';
import { openProgressStore } from '../../src/services/progress-store';
import { openResumeStore, RESUME_KEY } from '../../src/services/resume-store';
import { memoryStore } from '../../src/services/storage';

const post = (id: string, tactics: string[]) => ({
  id,
  text: { en: `Post ${id}.` },
  truth: { tactics, lure: false, evidence: [], explanations: {} },
});
const level = (id: string) =>
  ({
    id,
    mode: 'challenge',
    shuffle: false,
    passMark: 50,
    timeLimitSeconds: 60,
    posts: [post('a', ['nationalism']), post('b', [])],
  }) as unknown as Level;
const LEVEL = level('lvl');
const TACTICS = ['nationalism'];

function host(store = memoryStore()): SessionHost {
  return {
    progress: openProgressStore(store),
    resume: openResumeStore(store),
    translator: { language: () => 'en' },
    store,
    mode: 'challenge',
    allUnlocked: false,
    sessionSetup: null,
    fixedSeed: 7,
    workshop: null,
  };
}

function finish(play: Play): void {
  for (const postId of ['a', 'b']) {
    play.dispatch({ type: 'open', postId });
    play.dispatch({ type: 'pass' });
    play.dispatch({ type: 'continue' });
  }
}

describe('PlaySessions', () => {
  it('keeps the unfinished session of a level, and starts anew once it is finished', () => {
    const sessions = new PlaySessions(() => host());
    const first = sessions.playLevel(LEVEL, TACTICS);
    expect(first.start).toBe('new');
    expect(sessions.play).toBe(first.play);
    first.play.dispatch({ type: 'open', postId: 'a' });
    expect(sessions.playLevel(LEVEL, TACTICS)).toMatchObject({ play: first.play, start: 'kept' });
    finish(first.play);
    const again = sessions.playLevel(LEVEL, TACTICS);
    expect(again.start).toBe('new');
    expect(again.play).not.toBe(first.play);
  });

  it('resumes the session a reload left, and discards one that cannot be replayed', () => {
    const store = memoryStore();
    const before = new PlaySessions(() => host(store));
    before.playLevel(LEVEL, TACTICS).play.dispatch({ type: 'open', postId: 'b' });
    const after = new PlaySessions(() => host(store));
    const resumed = after.playLevel(LEVEL, TACTICS);
    expect(resumed.start).toBe('resumed');
    expect(resumed.play.state.openPostId).toBe('b');

    // The same save against a level whose posts changed cannot be replayed.
    const changed = { ...LEVEL, posts: [post('c', [])] } as unknown as Level;
    const broken = new PlaySessions(() => host(store)).playLevel(changed, TACTICS);
    expect(broken).toMatchObject({ start: 'new', resumeFailed: true });
    expect(store.get(RESUME_KEY)).toBeNull();
  });

  it('starts with the saved timer setting, or the workshop setup once joined', () => {
    const store = memoryStore();
    savePreference(store, 'timer', 'off');
    const game = host(store);
    const sessions = new PlaySessions(() => game);
    expect(sessions.startPlay(LEVEL, TACTICS).state.rules.timeLimitSeconds).toBeNull();

    let started = 0;
    const run: WorkshopRun = {
      sessionSetup: { mode: 'exam' },
      levelStarted: () => started++,
      debriefActions: () => {},
    };
    sessions.joinWorkshop(run, 'class-7b');
    expect(game).toMatchObject({
      workshop: run,
      allUnlocked: true,
      sessionSetup: { mode: 'exam' },
    });
    const play = sessions.startPlay(LEVEL, TACTICS);
    expect(play.state.mode).toBe('exam');
    expect(started).toBe(1);
    // Everyone in the workshop gets the same order: the seed comes from the link.
    expect(game.fixedSeed).not.toBe(7);
  });

  it('ends and abandons: start over forgets the level in hand and saved, not another level', () => {
    const game = host();
    const sessions = new PlaySessions(() => game);
    sessions.playLevel(LEVEL, TACTICS).play.dispatch({ type: 'open', postId: 'a' });
    sessions.abandonPlay('other');
    expect(sessions.play).not.toBeNull();
    expect(game.resume.pending?.levelId).toBe('lvl');
    sessions.abandonPlay('lvl');
    expect(sessions.play).toBeNull();
    expect(game.resume.pending).toBeNull();
    sessions.startPlay(LEVEL, TACTICS);
    sessions.endPlay();
    expect(sessions.play).toBeNull();
  });

  it('tells listeners of every start and of each finish once', () => {
    const sessions = new PlaySessions(() => host());
    const heard: string[] = [];
    sessions.onPlayStarted((play, start) => heard.push(`${start} ${play.level.id}`));
    const stop = sessions.onPlayFinished((play) => heard.push(`finished ${play.level.id}`));
    const { play } = sessions.playLevel(LEVEL, TACTICS);
    finish(play);
    play.dispatch({ type: 'tick', ms: 1000 });
    stop();
    finish(sessions.playLevel(LEVEL, TACTICS).play);
    expect(heard).toEqual(['new lvl', 'finished lvl', 'new lvl']);
  });
});
