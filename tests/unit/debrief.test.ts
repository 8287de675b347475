/** The debrief's choices: which posts to look at again, the facet bars, and "better than last time". */
import { describe, expect, it } from 'vitest';
import { comparedWithLast, facetBars, lookedLike, postsToReview } from '../../src/core/debrief';
import { type Answer, type PostTruth, scoreAnswers } from '../../src/core/scoring';

const TACTICS = ['nationalism', 'misinformation'];
const items: { postId: string; truth: PostTruth; answer: Answer }[] = [
  // perfect hit: nothing to review
  {
    postId: 'ok',
    truth: { tactics: ['nationalism'], lure: false },
    answer: { tactics: ['nationalism'], lure: false },
  },
  // partly right: lost the lure (25) and half the tactic bonus
  {
    postId: 'partial',
    truth: { tactics: ['nationalism', 'misinformation'], lure: true },
    answer: { tactics: ['nationalism'], lure: false },
  },
  // false alarm, also called a lure: lost 150
  {
    postId: 'false',
    truth: { tactics: [], lure: false },
    answer: { tactics: ['misinformation'], lure: true },
  },
  // miss: lost 175
  {
    postId: 'miss',
    truth: { tactics: ['misinformation'], lure: false },
    answer: { tactics: [], lure: false },
  },
  // genuine passed: nothing to review
  { postId: 'pass', truth: { tactics: [], lure: false }, answer: { tactics: [], lure: false } },
];
const score = scoreAnswers(items, TACTICS);

describe('postsToReview', () => {
  it('puts the costliest mistakes first and leaves out perfect answers', () => {
    expect(postsToReview(score).map((post) => post.postId)).toEqual(['miss', 'false', 'partial']);
  });
  it('keeps a place for a false alarm when costlier misses would fill the list', () => {
    expect(postsToReview(score, 1).map((post) => post.postId)).toEqual(['false']);
    const misses = [1, 2, 3].map((n) => ({
      postId: `miss-${n}`,
      truth: { tactics: ['nationalism'], lure: true },
      answer: { tactics: [], lure: false },
    }));
    const many = scoreAnswers([...misses, ...items], TACTICS);
    expect(postsToReview(many).map((post) => post.postId)).toEqual(['miss-1', 'miss-2', 'false']);
    const none = scoreAnswers([...misses, items[3] as (typeof items)[0]], TACTICS);
    expect(postsToReview(none).map((post) => post.postId)).toEqual(['miss-1', 'miss-2', 'miss-3']);
  });
  it('is empty when every call was perfect', () => {
    expect(postsToReview(scoreAnswers([items[0] as (typeof items)[0]], TACTICS))).toEqual([]);
  });
});

describe('lookedLike', () => {
  const genuine = { tactics: [], lure: false };
  it('names what a flagged genuine post was taken for: the tactics, then the lure', () => {
    expect(lookedLike({ tactics: ['misinformation'], lure: true }, genuine)).toEqual([
      'misinformation',
      'lure',
    ]);
    expect(lookedLike({ tactics: [], lure: true }, genuine)).toEqual(['lure']);
  });
  it('is empty for a genuine post let pass and for a manipulative post', () => {
    expect(lookedLike({ tactics: [], lure: false }, genuine)).toEqual([]);
    expect(
      lookedLike(
        { tactics: ['nationalism'], lure: false },
        { tactics: ['nationalism'], lure: false },
      ),
    ).toEqual([]);
  });
});

describe('facetBars', () => {
  it('counts found, used and wrongly named per tactic, then the lure flag', () => {
    expect(facetBars(score, TACTICS)).toEqual([
      { id: 'nationalism', found: 2, total: 2, wrongly: 0 },
      { id: 'misinformation', found: 0, total: 2, wrongly: 1 },
      { id: 'lure', found: 0, total: 1, wrongly: 1 },
    ]);
  });
});

describe('comparedWithLast', () => {
  const last = {
    mode: 'learn' as const,
    points: 0,
    percent: 60,
    dPrime: 1,
    hits: 0,
    manipulative: 0,
    falseAlarms: 0,
    genuine: 0,
  };
  it('says first, better, worse or about the same (within 5 points)', () => {
    expect(comparedWithLast(null, { percent: 10 })).toBe('first');
    expect(comparedWithLast(last, { percent: 70 })).toBe('better');
    expect(comparedWithLast(last, { percent: 50 })).toBe('worse');
    expect(comparedWithLast(last, { percent: 64 })).toBe('same');
  });
});
