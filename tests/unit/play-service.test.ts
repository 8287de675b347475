/** The session holder: saves for resume after each action, records results and Exams once. */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/core/level/schema';
import { restoreSession } from '../../src/core/resume';
import { Play } from '../../src/services/play';
import { openProgressStore, PROGRESS_KEY } from '../../src/services/progress-store';
import {
  openResumeStore,
  RESUME_KEY,
  UNREADABLE_RESUME_KEY,
} from '../../src/services/resume-store';
import { memoryStore } from '../../src/services/storage';

const post = (id: string, tactics: string[]) => ({
  id,
  // Play counts evidence sentences in the text.
  text: { en: `Post ${id}.` },
  truth: { tactics, lure: false, evidence: [], explanations: {} },
});
const level = {
  id: 'lvl',
  mode: 'learn',
  shuffle: false,
  passMark: 50,
  posts: [post('a', ['nationalism']), post('b', [])],
} as unknown as Level;

function setup(mode: 'learn' | 'challenge' | 'exam') {
  const store = memoryStore();
  const progress = openProgressStore(store);
  const resume = openResumeStore(store);
  const play = new Play(level, ['nationalism'], 5, progress, {
    setup: { mode },
    resume,
    now: () => 1_800_000_000_000,
  });
  return { store, progress, resume, play };
}

describe('Play', () => {
  it('saves the session after each action and a reload resumes the same open post', () => {
    const { store, play } = setup('exam');
    play.dispatch({ type: 'open', postId: 'a' });
    play.dispatch({ type: 'toggleTactic', tacticId: 'nationalism' });
    expect(store.get(RESUME_KEY)).toContain('"toggleTactic"');
    const reloaded = openResumeStore(store);
    expect(reloaded.loaded).toBe('ok');
    const restored = restoreSession(reloaded.pending as never, level, ['nationalism']);
    expect('state' in restored && restored.state).toEqual(play.state);
  });

  it('saves the time every 5 s of play, not on every tick', () => {
    const { store, play } = setup('challenge');
    play.dispatch({ type: 'tick', ms: 1000 });
    expect(store.get(RESUME_KEY)).toBeNull();
    play.dispatch({ type: 'tick', ms: 4500 });
    expect(JSON.parse(store.get(RESUME_KEY) as string).elapsedMs).toBe(5500);
  });

  it('on finishing an Exam: clears the resume data, records the result and every answer', () => {
    const { store, progress, play } = setup('exam');
    for (const postId of ['a', 'b']) {
      play.dispatch({ type: 'open', postId });
      play.dispatch({ type: 'pass' });
    }
    expect(play.state.finished).toBe(true);
    expect(store.get(RESUME_KEY)).toBeNull();
    expect(progress.progress.levels.lvl).toMatchObject({ attempts: 1, last: { mode: 'exam' } });
    expect(progress.progress.exams).toEqual([
      expect.objectContaining({
        levelId: 'lvl',
        finishedAt: 1_800_000_000_000,
        answers: { a: { tactics: [], lure: false }, b: { tactics: [], lure: false } },
        hits: 0,
        correctPasses: 1,
      }),
    ]);
    expect(JSON.parse(store.get(PROGRESS_KEY) as string).exams).toHaveLength(1);
  });

  it('a Challenge keeps its best score with bonuses and records no Exam', () => {
    const { progress, play } = setup('challenge');
    play.dispatch({ type: 'tick', ms: 20_000 });
    for (const [postId, flag] of [
      ['a', true],
      ['b', false],
    ] as const) {
      play.dispatch({ type: 'open', postId });
      if (flag) play.dispatch({ type: 'toggleTactic', tacticId: 'nationalism' });
      play.dispatch({ type: flag ? 'flag' : 'pass' });
      play.dispatch({ type: 'continue' });
    }
    // 175 + 100 points; streak 0 + 10; 40 s left x 2 x 2/2 = 80.
    expect(play.bonuses()).toEqual({ streak: 10, time: 80, longestStreak: 2 });
    expect(progress.progress.levels.lvl?.bestChallengeScore).toBe(365);
    expect(progress.progress.exams).toEqual([]);
  });

  it('keeps unreadable resume data aside and starts without it', () => {
    const store = memoryStore();
    store.set(RESUME_KEY, '{"version":1,"levelId":');
    const resume = openResumeStore(store);
    expect(resume.loaded).toBe('corrupt');
    expect(resume.pending).toBeNull();
    expect(store.get(UNREADABLE_RESUME_KEY)).toBe('{"version":1,"levelId":');
    expect(store.get(RESUME_KEY)).toBeNull();
  });

  it('starting a level over forgets its unfinished session (not another level’s) and keeps the progress', () => {
    const { store, progress, resume, play } = setup('challenge');
    // A finished attempt first: its result and stars are what must survive.
    for (const postId of ['a', 'b']) {
      play.dispatch({ type: 'open', postId });
      play.dispatch({ type: 'pass' });
      play.dispatch({ type: 'continue' });
    }
    const kept = store.get(PROGRESS_KEY);
    expect(progress.progress.levels.lvl?.attempts).toBe(1);
    const again = new Play(level, ['nationalism'], 6, progress, {
      setup: { mode: 'exam' },
      resume,
    });
    again.dispatch({ type: 'open', postId: 'a' });
    expect(resume.pending?.levelId).toBe('lvl');

    resume.forget('another-level');
    expect(resume.pending?.levelId).toBe('lvl');
    expect(store.get(RESUME_KEY)).not.toBeNull();

    resume.forget('lvl');
    expect(resume.pending).toBeNull();
    expect(store.get(RESUME_KEY)).toBeNull();
    // Forgotten on purpose: nothing is kept aside as unreadable, and the progress is as it was.
    expect(store.get(UNREADABLE_RESUME_KEY)).toBeNull();
    expect(store.get(PROGRESS_KEY)).toBe(kept);
    expect(openResumeStore(store).loaded).toBe('none');
  });
});
