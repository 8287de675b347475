/**
 * Synthetic level sets for the cue check and the shortcut players: each post is
 * described by its surface (account, engagement, text, link) and its class.
 */
import type { Level, Post } from '../../src/core/level/schema';

export interface SurfacePost {
  manipulative: boolean;
  accountAgeDays: number;
  followers: number;
  following: number;
  verified: boolean;
  likes: number;
  shares: number;
  text: string;
  linkEnding: 'com' | 'org' | 'net' | null;
  comments: string[];
  tactic?: string;
}

const en = (text: string) => ({ en: text });

/** A valid level with one account per post, in English only. */
export function syntheticLevel(id: string, order: number, posts: readonly SurfacePost[]): Level {
  return {
    formatVersion: 1,
    id,
    order,
    languages: ['en'],
    title: en(id),
    platform: 'microblog',
    briefing: en('Look closely.'),
    goals: [],
    debrief: en('Done.'),
    discussion: [],
    mode: 'learn',
    shuffle: true,
    passMark: 60,
    tactics: [],
    accounts: posts.map((post, index) => ({
      id: `a${index}`,
      name: en(`Person ${index}`),
      handle: `@person${index}`,
      verified: post.verified,
      accountAgeDays: post.accountAgeDays,
      followers: post.followers,
      following: post.following,
      bio: en('Hello.'),
      history: [],
    })),
    posts: posts.map(
      (post, index): Post => ({
        id: `${id}-p${index}`,
        author: `a${index}`,
        kind: 'text',
        text: en(post.text),
        minutesAgo: 10,
        likes: post.likes,
        shares: post.shares,
        comments: post.comments.map((comment) => ({ author: en('Someone'), text: en(comment) })),
        ...(post.linkEnding
          ? { link: { title: en('More'), url: `https://www.example.${post.linkEnding}/page` } }
          : {}),
        truth: post.manipulative
          ? {
              tactics: [post.tactic ?? 'economic-incentive'],
              lure: false,
              evidence: [en(post.text)],
              explanations: { [post.tactic ?? 'economic-incentive']: en('It leads with money.') },
            }
          : { tactics: [], lure: false, evidence: [], explanations: {}, whyGenuine: en('Fine.') },
      }),
    ),
  };
}

const post = (overrides: Partial<SurfacePost>): SurfacePost => ({
  manipulative: false,
  accountAgeDays: 2000,
  followers: 500,
  following: 200,
  verified: false,
  likes: 40,
  shares: 4,
  text: 'Our bakery opens on Monday.',
  linkEnding: null,
  comments: [],
  ...overrides,
});

/** Six look-alike pairs: each surface once genuine, once manipulative. */
export const matchedPairs = (): SurfacePost[] =>
  [
    post({ accountAgeDays: 12, text: 'Pay is 9,500 a month, apply today.' }),
    post({ accountAgeDays: 30, comments: ['Is this legit?'] }),
    post({ accountAgeDays: 1500, text: 'A sign-up bonus of 12,000 for drivers.' }),
    post({ accountAgeDays: 2400, comments: ['Source?', 'Thanks!'] }),
    post({ accountAgeDays: 60 }),
    post({ accountAgeDays: 900, text: 'Brothers, we remember.' }),
  ].flatMap((surface) => [
    { ...surface, manipulative: true },
    { ...surface, manipulative: false },
  ]);
