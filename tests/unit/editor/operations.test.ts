import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markEvidence, phraseFromSelection } from '../../../src/core/editor/evidence';
import {
  accountInUse,
  blankLevel,
  duplicateItem,
  freshId,
  missingTranslations,
  moveItem,
  removeItem,
  renameAccount,
  setAt,
  setLanguages,
  setTruth,
} from '../../../src/core/editor/operations';
import type { Level } from '../../../src/core/level/schema';
import { validateLevelSource } from '../../../src/core/level/validate';
import { OPTIONS, validLevel } from '../level-fixture';

/** The fixture as the editor holds a level: validated, defaults filled in. */
function fixture(): Level {
  const result = validateLevelSource(JSON.stringify(validLevel()), OPTIONS);
  if (!result.ok) throw new Error('the fixture is valid');
  return result.value;
}
const problemsOf = (level: Level) => {
  const result = validateLevelSource(JSON.stringify(level), OPTIONS);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path} ${problem.code}`);
};

describe('editor operations', () => {
  it('setAt copies along the path and leaves the original alone', () => {
    const level = fixture();
    const next = setAt(level, ['posts', 0, 'text', 'en'], 'Changed');
    expect(next.posts[0]?.text.en).toBe('Changed');
    expect(level.posts[0]?.text.en).not.toBe('Changed');
    expect(next.accounts).toBe(level.accounts);
    expect(setAt(next, ['posts', 0, 'media'], undefined).posts[0]).not.toHaveProperty('media');
  });

  it('moves, duplicates and removes posts, with fresh ids for copies', () => {
    const level = fixture();
    const ids = level.posts.map((post) => post.id);
    expect(moveItem(level, ['posts'], 0, 1).posts.map((post) => post.id)).toEqual(
      [...ids].reverse(),
    );
    expect(moveItem(level, ['posts'], 0, 5)).toBe(level);
    const copied = duplicateItem(level, 'posts', 0);
    expect(copied.posts).toHaveLength(level.posts.length + 1);
    expect(copied.posts[1]?.text).toEqual(level.posts[0]?.text);
    expect(new Set(copied.posts.map((post) => post.id)).size).toBe(copied.posts.length);
    expect(removeItem(level, ['posts'], 0).posts.map((post) => post.id)).toEqual(ids.slice(1));
  });

  it('freshId counts up past the ids taken', () => {
    expect(freshId('post', [])).toBe('post');
    expect(freshId('post', ['post', 'post-2'])).toBe('post-3');
    expect(freshId('post-2', ['post', 'post-2'])).toBe('post-3');
  });

  it('renaming an account renames it in its posts; an account in use is known', () => {
    const level = fixture();
    const author = level.posts[0]?.author as string;
    const index = level.accounts.findIndex((account) => account.id === author);
    expect(accountInUse(level, index)).toBe(true);
    const renamed = renameAccount(level, index, 'someone-else');
    expect(renamed.posts.filter((post) => post.author === 'someone-else')).not.toHaveLength(0);
    expect(problemsOf(renamed)).toEqual([]);
  });

  it('adding a language adds an empty, missing text everywhere; removing it drops it', () => {
    const level = fixture();
    expect(missingTranslations(level)).toEqual([]);
    const withUk = setLanguages(level, [...level.languages, 'uk']);
    const missing = missingTranslations(withUk);
    expect(missing.length).toBeGreaterThan(5);
    expect(missing.every((entry) => entry.language === 'uk')).toBe(true);
    expect(withUk.posts[0]?.text.uk).toBe('');
    expect(setLanguages(withUk, level.languages)).toEqual(level);
  });

  it('setTruth keeps one explanation per tactic and the lure, and keeps written ones', () => {
    const level = fixture();
    const index = level.posts.findIndex((post) => post.truth.tactics.length > 0);
    const post = level.posts[index];
    if (!post) throw new Error('the fixture has a manipulative post');
    const [tactic] = post.truth.tactics as [string];
    const next = setTruth(level, index, [tactic, 'misinformation'], true);
    expect(Object.keys(next.posts[index]?.truth.explanations ?? {})).toEqual([
      tactic,
      'misinformation',
      'lure',
    ]);
    expect(next.posts[index]?.truth.explanations[tactic]).toEqual(post.truth.explanations[tactic]);
    const genuine = setTruth(next, index, [], false);
    expect(genuine.posts[index]?.truth.explanations).toEqual({});
  });

  it('a blank level is shaped like a level and the validator lists what to write', () => {
    const level = blankLevel(['en', 'ru']);
    const problems = problemsOf(level);
    expect(problems).toContain('title level.missing-language');
    expect(problems.length).toBeGreaterThan(3);
  });
});

describe('evidence from a selection', () => {
  it('cuts the selected words out of the text, without surrounding spaces', () => {
    expect(phraseFromSelection('Sign up  today!', 4, 9)).toEqual({
      phrase: 'up',
      start: 5,
      end: 7,
    });
    expect(phraseFromSelection('abc', 2, 0)?.phrase).toBe('ab');
    expect(phraseFromSelection('a   b', 1, 4)).toBeNull();
  });

  it('a new phrase, then its translation, and the validator finds both in the text', () => {
    let level = fixture();
    const index = level.posts.findIndex((post) => post.truth.tactics.length > 0);
    const before = level.posts[index]?.truth.evidence.length ?? 0;
    const en = level.posts[index]?.text.en as string;
    const ru = level.posts[index]?.text.ru as string;
    level = markEvidence(level, index, null, 'en', 0, Math.min(6, en.length));
    expect(level.posts[index]?.truth.evidence).toHaveLength(before + 1);
    expect(level.posts[index]?.truth.evidence[before]?.ru).toBe('');
    level = markEvidence(level, index, before, 'ru', 0, Math.min(6, ru.length));
    expect(problemsOf(level)).toEqual([]);
  });

  it('whatever is selected, a marked phrase is found in the text it came from', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.nat(90),
        fc.nat(90),
        (text, a, b) => {
          const level = setAt(fixture(), ['posts', 0, 'text', 'en'], text);
          const marked = markEvidence(level, 0, null, 'en', a, b);
          const phrase = marked.posts[0]?.truth.evidence.at(-1)?.en;
          if (marked === level) expect(phraseFromSelection(text, a, b)).toBeNull();
          else expect(text.includes(phrase as string)).toBe(true);
        },
      ),
    );
  });
});
