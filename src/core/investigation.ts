/**
 * Investigating a post and marking its evidence: which checks a post offers, the
 * level's budget of checks, the post text split into sentences the player can mark,
 * and which of those sentences hold the tells. Pure: no DOM, no i18next.
 */
import type { Level, LocalizedText, Post } from './level/schema';
import { markableText } from './picture-words';
import type { PostTruth } from './scoring';
import { localize } from './taxonomy';

/** The four checks, in the order the post panel offers them. */
export const CHECKS = ['profile', 'sources', 'link', 'image'] as const;
export type Check = (typeof CHECKS)[number];

/**
 * The checks a post offers. Profile and other sources always (a post without an
 * authored result simply yields "nothing found", so the buttons give nothing away);
 * the link check for a link or a picture (which may hold a QR code); the reverse
 * image search for a picture.
 */
export function checksFor(post: Pick<Post, 'link' | 'media' | 'investigation'>): Check[] {
  return CHECKS.filter((check) => {
    if (check === 'link') return post.link !== undefined || post.investigation?.link !== undefined;
    if (check === 'image') return post.media !== undefined;
    return true;
  });
}

/** The level's budget of checks: as written, or one per post. */
export function investigationBudget(level: Pick<Level, 'investigationBudget' | 'posts'>): number {
  return level.investigationBudget ?? level.posts.length;
}

export interface Sentence {
  text: string;
  /** Offsets of the trimmed sentence in the post text. */
  start: number;
  end: number;
}

/** Far above any real post; keeps a hostile text from producing thousands of buttons. */
export const MAX_SENTENCES = 60;

/**
 * The post text as sentences, by the language's own rules (Intl.Segmenter knows that
 * 。！？ end Chinese sentences and that "г." or "ул." need not end a Russian one).
 * Whitespace-only pieces are dropped; past MAX_SENTENCES the rest is one last piece.
 */
export function splitSentences(text: string, language: string): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    const start = index + lead;
    const last = sentences[MAX_SENTENCES - 1];
    if (last) {
      last.end = start + trimmed.length;
      last.text = text.slice(last.start, last.end);
      continue;
    }
    sentences.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return sentences;
}

/**
 * Indices of the sentences that hold a tell: every sentence an evidence phrase
 * overlaps (a phrase that runs over a sentence end makes both sentences tells).
 */
export function tellSentences(
  text: string,
  language: string,
  evidence: readonly string[],
  sentences: readonly Sentence[] = splitSentences(text, language),
): number[] {
  const tells = new Set<number>();
  for (const phrase of evidence) {
    if (!phrase) continue;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      sentences.forEach((sentence, index) => {
        if (sentence.start < end && at < sentence.end) tells.add(index);
      });
    }
  }
  return [...tells].sort((a, b) => a - b);
}

/**
 * Each post's truth for scoring, with the tell sentences of the text in this language.
 * The fallbacks must be the ones the game displays text with, so the sentences the
 * player marks are the sentences scored.
 */
export function truthsFor(
  level: Pick<Level, 'posts'>,
  language: string,
  fallbacks: readonly string[] = ['en'],
): Map<string, PostTruth> {
  const text = (value: LocalizedText) => localize(value, language, fallbacks);
  return new Map(
    level.posts.map((post) => {
      const body = markableText(post, text).text;
      const sentences = splitSentences(body, language);
      const evidence = post.truth.evidence.map((phrase) => text(phrase));
      const truth: PostTruth = {
        tactics: post.truth.tactics,
        lure: post.truth.lure,
        tellSentences: tellSentences(body, language, evidence, sentences),
        sentenceCount: sentences.length,
      };
      return [post.id, truth];
    }),
  );
}

/** Two texts this alike (Dice coefficient of character trigrams) count as the same text. */
export const SAME_TEXT_SIMILARITY = 0.5;

function trigrams(text: string): Set<string> {
  // Letters and digits only: copies that differ in emoji, punctuation or case still match.
  const letters = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= letters.length; i++) grams.add(letters.slice(i, i + 3));
  return grams;
}

export function textSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/**
 * The other accounts in the level that posted (nearly) the same text as this post, in
 * the player's language, in the level's account order. Computed rather than written
 * in the level file, so it can never disagree with the feed the player scrolls.
 */
export function accountsSharingText(
  level: Pick<Level, 'posts'>,
  postId: string,
  language: string,
  fallbacks: readonly string[] = ['en'],
): string[] {
  const post = level.posts.find((candidate) => candidate.id === postId);
  if (!post) return [];
  const text = (value: LocalizedText) => localize(value, language, fallbacks);
  const own = text(post.text);
  const authors = new Set<string>();
  for (const other of level.posts) {
    if (other.author === post.author || authors.has(other.author)) continue;
    if (textSimilarity(own, text(other.text)) >= SAME_TEXT_SIMILARITY) authors.add(other.author);
  }
  return [...authors];
}
