/**
 * Labels drawn with the 2D canvas API (the buttons' faces, the feed's bars), measured
 * as Phaser measures its Text: no Text object, so no canvas, measured font and GL
 * texture per label, and a label shrinks to fit by measuring alone, where a Text drew
 * itself again at every size it tried.
 */
import { type Measure, widestWord, wrapText } from './text-wrap';
import { FONT_STACK } from './theme';

export interface LabelStyle {
  /** Font size in canvas pixels (already scaled for the text size setting). */
  size: number;
  colour: string;
  bold?: boolean;
}

/** A label's box as Phaser's Text would give it: the line height Phaser measures. */
export interface LabelBox {
  width: number;
  height: number;
  ascent: number;
}

/**
 * A label drawn on a canvas, where the canvas shows it: bars and buttons keep these in
 * their game object's data under DRAWN_LABELS, and tests/e2e/layout-probe.ts checks them.
 */
export interface DrawnLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DRAWN_LABELS = 'labels';

/** What Phaser measures a font's line height with (TextStyle.testString). */
const HEIGHT_SAMPLE = '|MÉqgy';

let measuring: CanvasRenderingContext2D | null = null;
let measuringFont = '';
/** The context to measure with, set to the style's font (setting a font parses it: only when it changes). */
function measuringContext(style: LabelStyle): CanvasRenderingContext2D {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) throw new Error('this browser cannot draw on a 2D canvas');
  const font = labelFont(style);
  if (font !== measuringFont) {
    measuring.font = font;
    measuringFont = font;
  }
  return measuring;
}

export function labelFont(style: LabelStyle): string {
  return `${style.bold ? 'bold ' : ''}${style.size}px ${FONT_STACK}`;
}

/** Each font's line height and ascent, measured once. */
const lineMetrics = new Map<string, { height: number; ascent: number }>();

export function measureLabel(text: string, style: LabelStyle): LabelBox {
  const context = measuringContext(style);
  let line = lineMetrics.get(measuringFont);
  if (!line) {
    const sample = context.measureText(HEIGHT_SAMPLE);
    line = {
      height: sample.actualBoundingBoxAscent + sample.actualBoundingBoxDescent,
      ascent: sample.actualBoundingBoxAscent,
    };
    lineMetrics.set(measuringFont, line);
  }
  return { width: context.measureText(text).width, ...line };
}

/** Measures with the label's font, for wrapText. */
function labelMeasure(style: LabelStyle): Measure {
  return (text) => measuringContext(style).measureText(text).width;
}

/**
 * The largest size from `style.size` down to `minSize` at which `fits` holds for the
 * label's box, as shrinkToFit does for a Text.
 */
export function sizeToFit(
  style: LabelStyle,
  fits: (style: LabelStyle) => boolean,
  minSize: number,
): LabelStyle {
  let fitted = style;
  while (!fits(fitted) && fitted.size > minSize) fitted = { ...fitted, size: fitted.size - 1 };
  return fitted;
}

/** A label wrapped and sized for a box: its lines, their style and spacing, its height. */
export interface FittedLabel {
  style: LabelStyle;
  lines: string[];
  lineHeight: number;
  /** From one line's top to the next's: the line height and the spacing between. */
  lineStep: number;
  ascent: number;
  /** All its lines, from the first's top to the last's bottom. */
  height: number;
}

export interface FitOptions {
  /** BCP 47 language of the text; picks the line-breaking rules. */
  locale: string | undefined;
  minSize?: number;
  /** Keep at most this many lines, the last ending with an ellipsis. 0: no limit. */
  maxLines?: number;
  lineSpacing?: number;
}

/**
 * A label in a box (a button's, a bar's title): wrapped by the language's rules, at the
 * largest size from `style.size` down to `minSize` at which no word breaks (a short
 * label at a large text size shrinks rather than breaking inside a word) and the lines
 * fit the box's height.
 */
export function fitLabel(
  text: string,
  box: { width: number; height: number },
  style: LabelStyle,
  { locale, minSize = 11, maxLines = 0, lineSpacing = 0 }: FitOptions,
): FittedLabel {
  const layout = (tried: LabelStyle): FittedLabel => {
    const measure = labelMeasure(tried);
    const { height, ascent } = measureLabel(text, tried);
    const lines = wrapText(text, { maxWidth: box.width, measure, locale, maxLines }).map((line) =>
      line.trimEnd(),
    );
    return {
      style: tried,
      lines,
      lineHeight: height,
      lineStep: height + lineSpacing,
      ascent,
      height: lines.length * height + (lines.length - 1) * lineSpacing,
    };
  };
  const fits = (tried: LabelStyle) =>
    widestWord(text, labelMeasure(tried), locale) <= box.width &&
    layout(tried).height <= box.height;
  return layout(sizeToFit(style, fits, minSize));
}
