/**
 * Line wrapping for canvas text in every language the game ships. Phaser's own
 * advanced wrap splits on spaces only, so a Chinese sentence (no spaces) is one
 * "word" broken character by character, with commas and full stops left to start
 * lines. Here, break opportunities come from Intl.Segmenter (dictionary-based word
 * boundaries for Chinese, spaces for Latin and Cyrillic), lines never start with
 * closing punctuation nor end with opening punctuation, and only a single word wider
 * than the line is broken between characters (graphemes, so emoji stay whole).
 */
import type Phaser from 'phaser';

/** Width of a string in pixels, as the canvas would draw it. */
export type Measure = (text: string) => number;

export interface WrapOptions {
  maxWidth: number;
  measure: Measure;
  /** BCP 47 language of the text; picks the segmenter's rules. */
  locale?: string | undefined;
  /** Keep at most this many lines; the last one then ends with an ellipsis. 0: no limit. */
  maxLines?: number;
}

/** Characters that may not begin a line (closing brackets and quotes, stops, commas, dashes). */
const NO_LINE_START = new Set([
  ...',.!?;:%)]}»”’…‥—–',
  ...'，。！？、；：）」』】》〉〕〗〙〛｝］’”～・·ー',
]);
/** Characters that may not end a line (opening brackets and quotes). */
const NO_LINE_END = new Set([...'([{«“‘', ...'（「『【《〈〔〖〘〚｛［']);
/** Ideographic text, where a line may break between any two words without a space. */
const IDEOGRAPHIC =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const ELLIPSIS = '…';

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string | undefined, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${locale ?? ''}|${granularity}`;
  let cached = segmenters.get(key);
  if (!cached) {
    cached = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, cached);
  }
  return cached;
}

function graphemes(text: string): string[] {
  return Array.from(segmenter(undefined, 'grapheme').segment(text), (part) => part.segment);
}

function canBreakBetween(before: string, after: string): boolean {
  const last = before.at(-1) ?? '';
  const first = after[0] ?? '';
  if (/\s/u.test(first)) return false; // spaces stay at the end of the line they follow
  if (NO_LINE_START.has(first) || NO_LINE_END.has(last)) return false;
  if (/\s/u.test(last)) return true;
  return IDEOGRAPHIC.test(last) || IDEOGRAPHIC.test(first);
}

/**
 * Text in which a line may break only after spaces: no ideographs, and no marks or
 * format characters (accents, emoji joiners), which the segmenter keeps with the space
 * before them.
 */
const NEEDS_SEGMENTER = new RegExp(`${IDEOGRAPHIC.source}|[\\p{M}\\p{Cf}]`, 'u');

/** The pieces a line may be broken between, in order; joined they give the text back. */
export function breakUnits(text: string, locale?: string): string[] {
  // Making a segmenter is costly (the title would make one for its tagline alone);
  // where only spaces can break a line, a split after them gives the same pieces.
  return NEEDS_SEGMENTER.test(text) ? segmentUnits(text, locale) : unitsAfterSpaces(text);
}

/** breakUnits by the segmenter's word boundaries: right for every text. */
export function segmentUnits(text: string, locale?: string): string[] {
  const units: string[] = [];
  let current = '';
  for (const { segment } of segmenter(locale, 'word').segment(text)) {
    if (current !== '' && canBreakBetween(current, segment)) {
      units.push(current);
      current = '';
    }
    current += segment;
  }
  if (current !== '') units.push(current);
  return units;
}

/** breakUnits for text that needs no segmenter: after each run of spaces, unless a closing sign follows. */
function unitsAfterSpaces(text: string): string[] {
  const units: string[] = [];
  let start = 0;
  for (const { index, 0: spaces } of text.matchAll(/\s+/gu)) {
    const end = index + spaces.length;
    const next = text[end];
    if (next === undefined || NO_LINE_START.has(next)) continue;
    units.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) units.push(text.slice(start));
  return units;
}

/** Breaks a piece wider than the line between graphemes, keeping closing punctuation off line starts. */
function breakWide(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[][] = [];
  let current: string[] = [];
  for (const grapheme of graphemes(text)) {
    if (current.length === 0 || fits([...current, grapheme].join(''))) {
      current.push(grapheme);
      continue;
    }
    // Closing punctuation takes the characters before it down (as few as possible), so
    // the new line starts with one that may start a line. On a line too narrow for that,
    // the width wins: text that overflows its card is worse than a stray comma.
    let carried = 0;
    if (NO_LINE_START.has(grapheme)) {
      do carried++;
      while (
        carried < current.length &&
        NO_LINE_START.has(current[current.length - carried] ?? '')
      );
      if (carried >= current.length) carried = 0;
    }
    lines.push(current.slice(0, current.length - carried));
    current = [...current.slice(current.length - carried), grapheme];
  }
  lines.push(current);
  return lines.map((line) => line.join(''));
}

function wrapParagraph(
  paragraph: string,
  locale: string | undefined,
  fits: (line: string) => boolean,
) {
  // Most labels fit on one line: nothing to break, nor to look for places to break.
  if (fits(paragraph)) return [paragraph.trimEnd()];
  const lines: string[] = [];
  let line = '';
  for (const unit of breakUnits(paragraph, locale)) {
    if (line === '' || fits(line + unit)) {
      line += unit;
      if (fits(line)) continue;
    } else {
      lines.push(line.trimEnd());
      line = unit.trimStart();
      if (fits(line)) continue;
    }
    // One word wider than a whole line (a long link, a long compound): break inside it.
    const pieces = breakWide(line, fits);
    lines.push(...pieces.slice(0, -1).map((piece) => piece.trimEnd()));
    line = pieces.at(-1) ?? '';
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Shortens a line until it fits with an ellipsis after it. */
function withEllipsis(line: string, fits: (line: string) => boolean): string {
  const parts = graphemes(line.trimEnd());
  while (parts.length > 0 && !fits(`${parts.join('').trimEnd()}${ELLIPSIS}`)) parts.pop();
  return `${parts.join('').trimEnd()}${ELLIPSIS}`;
}

/** Wraps text (which may hold its own line breaks) into lines no wider than maxWidth. */
export function wrapText(text: string, options: WrapOptions): string[] {
  const { maxWidth, measure, locale, maxLines = 0 } = options;
  const fits = (line: string) => measure(line.trimEnd()) <= maxWidth;
  const lines = text.split(/\r?\n/u).flatMap((paragraph) => wrapParagraph(paragraph, locale, fits));
  if (maxLines <= 0 || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] as string, fits);
  return kept;
}

/**
 * A Phaser `wordWrap` style that wraps with wrapText at `width`, measured with the text
 * object's own canvas font. The language is the page's (<html lang>, set by i18n), so
 * a language switch re-wraps by the new language's rules when the scene rebuilds.
 */
export function wordWrapWithin(width: number): Phaser.Types.GameObjects.Text.TextWordWrap {
  return {
    width,
    callback: (text: string, textObject: Phaser.GameObjects.Text) =>
      wrapText(text, {
        maxWidth: textObject.style.wordWrapWidth ?? width,
        measure: (line) => textObject.context.measureText(line).width,
        locale: document.documentElement.lang || undefined,
        maxLines: textObject.style.maxLines,
      }),
  };
}

/**
 * Steps a text's font size down until it fits the box (a button label in a long
 * language, a title on a phone). Wrapping first keeps the size where it fits.
 */
export function shrinkToFit(
  text: Phaser.GameObjects.Text,
  maxWidth: number,
  maxHeight: number,
  minSize = 11,
): Phaser.GameObjects.Text {
  let size = Number.parseFloat(String(text.style.fontSize));
  while ((text.width > maxWidth || text.height > maxHeight) && size > minSize) {
    size -= 1;
    text.setFontSize(size);
  }
  return text;
}

/** The width of the text's widest piece that wrapping cannot break (a word, in most languages). */
export function widestWord(text: string, measure: Measure, locale?: string): number {
  return Math.max(0, ...breakUnits(text, locale).map((unit) => measure(unit.trim())));
}
