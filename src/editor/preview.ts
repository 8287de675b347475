/**
 * The live preview of one post. It is behind this one function so the platform views
 * (Natter, Loopy, Buzzline) can take its place: today it shows the post as the open
 * post panel does, with its evidence marked.
 */
import type { Level, LocalizedText } from '../core/level/schema';
import type { Translator } from '../services/i18n';
import { el } from '../ui/dialog';
import { markedText, renderPostContent } from '../ui/post-panel';

export function renderPreview(
  translator: Translator,
  level: Level,
  postIndex: number,
  language: string,
): HTMLElement {
  const post = level.posts[postIndex];
  const frame = el('div', null, `editor-preview platform-${level.platform}`);
  frame.lang = language;
  if (!post) return frame;
  // Interface words in the player's language, the level's words in the chosen one.
  const strings = {
    t: translator.t,
    number: translator.number,
    text: (value: LocalizedText) => value[language] ?? '',
  };
  frame.append(renderPostContent(strings, level, post, [markedText(strings, post)], [], language));
  return frame;
}
