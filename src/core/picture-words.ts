/**
 * The words in a post's picture as text the player reads and marks. Apart from
 * pictures.ts (the default picture's word lists), so the session's code before the
 * title does not carry those.
 */
import type { LocalizedText, Picture, Post } from './level/schema';

/** The words shown in a picture: its texts, then its watermark. */
export function pictureTexts(picture: Picture | undefined): LocalizedText[] {
  if (!picture) return [];
  const texts = picture.texts.map((entry) => entry.text);
  return picture.watermark ? [...texts, picture.watermark] : texts;
}

/**
 * The text the player marks sentences in: the post text, then each of the picture's
 * words on a line of its own (a line break always ends a sentence), so on-screen text
 * and watermarks can be evidence like the post's own words.
 */
export function markableText(
  post: Pick<Post, 'text' | 'picture'>,
  text: (value: LocalizedText) => string,
): { text: string; pictureStart: number } {
  const body = text(post.text);
  const words = pictureTexts(post.picture)
    .map(text)
    .filter((line) => line.trim());
  if (words.length === 0) return { text: body, pictureStart: body.length };
  return { text: [body, ...words].join('\n'), pictureStart: body.length + 1 };
}
