/** Colours and type for what the canvas draws; each fictional platform has its own look. */
import type { Platform } from '../core/level/schema';

/**
 * System fonts only, nothing to download. system-ui covers Latin and Cyrillic on every
 * platform; for Chinese the browser falls through, glyph by glyph, to the first CJK
 * font the system has: Noto Sans CJK SC (Linux, ChromeOS, Android), PingFang SC (macOS,
 * iOS), Microsoft YaHei (Windows). Keep in step with --font in style.css.
 * Feed Emoji (assets/art/emoji.css) comes first but covers only emoji code points, so
 * emoji draw in colour even where the system has no emoji font.
 */
export const FONT_STACK =
  "'Feed Emoji', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif";

const STANDARD_APP = {
  background: 0x14161f,
  panel: 0x1f2230,
  ink: '#f1f3f5',
  inkDim: '#c1c7d0',
  /** Status text that means "done well" (a passed level). */
  good: '#69db7c',
  accent: 0xffd43b,
  accentCss: '#ffd43b',
  /** Canvas buttons: fill, fill under the pointer or focus, border, label. */
  button: 0x2a2e40,
  buttonHover: 0x3b4057,
  buttonBorder: 0x4a506b,
  buttonInk: '#f1f3f5',
  primaryHover: 0xffe066,
  primaryInk: '#111111',
  /** The ring drawn around the canvas thing that has keyboard focus. */
  focus: 0xffd43b,
  flagged: 0xe03131,
  flaggedCss: '#e03131',
  passed: 0x2f9e44,
  passedCss: '#2f9e44',
};

/** Black and white with yellow for what acts: for players who set (or whose system asks for) more contrast. */
const HIGH_CONTRAST_APP: typeof STANDARD_APP = {
  background: 0x000000,
  panel: 0x000000,
  ink: '#ffffff',
  inkDim: '#ffffff',
  good: '#7cff8a',
  accent: 0xffff00,
  accentCss: '#ffff00',
  button: 0x000000,
  buttonHover: 0x333333,
  buttonBorder: 0xffffff,
  buttonInk: '#ffffff',
  primaryHover: 0xffffff,
  primaryInk: '#000000',
  focus: 0x00ffff,
  flagged: 0xff4d4d,
  flaggedCss: '#ff4d4d',
  passed: 0x7cff8a,
  passedCss: '#7cff8a',
};

/** The app's canvas palette: swapped in place by `applyContrast`, read by scenes as they build. */
export const APP = { ...STANDARD_APP };

/** Image captions are dark blue on pale blue; video frames light on dark purple. */
const MEDIA = {
  image: 0xdbe4ff,
  imageInk: '#243b6b',
  video: 0x2b2140,
  videoInk: '#e9ecef',
  linkBorder: 0xadb5bd,
};

export interface PlatformStyle {
  /** Page behind the feed. */
  background: number;
  header: number;
  headerInk: string;
  card: number;
  cardInk: string;
  cardInkDim: string;
  accent: number;
  accentCss: string;
  /** Text on accentCss (badges such as "Sponsored"). */
  accentInk: string;
  /** The card's outline and its opacity. */
  border: number;
  borderAlpha: number;
  /** Media frames inside a card: image and video backgrounds and their ink. */
  image: number;
  imageInk: string;
  video: number;
  videoInk: string;
  /** The keyboard focus ring around a card: it must show on the page and on the card. */
  focus: number;
  /** Outline of a link preview (and, in high contrast, of media frames). */
  linkBorder: number;
  /** Corner radius of cards: each platform has its own shape language. */
  radius: number;
}

const STANDARD_PLATFORMS: Record<Platform, PlatformStyle> = {
  // Natter: a messenger with group chats and moments, green and rounded.
  messenger: {
    background: 0xe9ecef,
    header: 0x2f7d32,
    headerInk: '#ffffff',
    card: 0xffffff,
    cardInk: '#212529',
    cardInkDim: '#495057',
    accent: 0x2f7d32,
    accentCss: '#2f7d32',
    accentInk: '#ffffff',
    focus: 0x1c3faa,
    border: 0x000000,
    borderAlpha: 0.08,
    ...MEDIA,
    radius: 18,
  },
  // Loopy: a short-video app, dark with a hot pink accent and tall cards.
  shortvideo: {
    background: 0x0b0b10,
    header: 0x15151d,
    headerInk: '#ffffff',
    card: 0x1c1c26,
    cardInk: '#f8f9fa',
    cardInkDim: '#ced4da',
    accent: 0xf06595,
    accentCss: '#f06595',
    accentInk: '#111111',
    focus: 0xffd43b,
    border: 0x000000,
    borderAlpha: 0.08,
    ...MEDIA,
    radius: 10,
  },
  // Buzzline: a microblog, light with an orange accent and square-ish cards.
  microblog: {
    background: 0xfff4e6,
    header: 0xc2410c,
    headerInk: '#ffffff',
    card: 0xffffff,
    cardInk: '#212529',
    cardInkDim: '#5c636a',
    accent: 0xd9480f,
    accentCss: '#c2410c',
    accentInk: '#ffffff',
    focus: 0x1c3faa,
    border: 0x000000,
    borderAlpha: 0.08,
    ...MEDIA,
    radius: 4,
  },
};

/** Every platform in high contrast: white on black, outlined cards, the shapes kept. */
function highContrastPlatform(style: PlatformStyle): PlatformStyle {
  return {
    background: 0x000000,
    header: 0x000000,
    headerInk: '#ffffff',
    card: 0x000000,
    cardInk: '#ffffff',
    cardInkDim: '#ffffff',
    accent: 0xffff00,
    accentCss: '#ffff00',
    accentInk: '#000000',
    focus: 0x00ffff,
    border: 0xffffff,
    borderAlpha: 1,
    image: 0x000000,
    imageInk: '#ffffff',
    video: 0x000000,
    videoInk: '#ffffff',
    linkBorder: 0xffffff,
    radius: style.radius,
  };
}

/** Each platform's palette: swapped in place by `applyContrast`. */
export const PLATFORM_STYLES: Record<Platform, PlatformStyle> = {
  messenger: { ...STANDARD_PLATFORMS.messenger },
  shortvideo: { ...STANDARD_PLATFORMS.shortvideo },
  microblog: { ...STANDARD_PLATFORMS.microblog },
};

/** The palettes a colour test checks: each text colour against what it is drawn on. */
export const PALETTES = {
  STANDARD_APP,
  HIGH_CONTRAST_APP,
  STANDARD_PLATFORMS,
  highContrastPlatform,
};

/** Switches the canvas palettes; scenes pick the change up when they rebuild. */
export function applyContrast(high: boolean): void {
  Object.assign(APP, high ? HIGH_CONTRAST_APP : STANDARD_APP);
  for (const platform of Object.keys(STANDARD_PLATFORMS) as Platform[]) {
    const standard = STANDARD_PLATFORMS[platform];
    Object.assign(PLATFORM_STYLES[platform], high ? highContrastPlatform(standard) : standard);
  }
}

/** A stable colour for an avatar, from the account handle. */
export function avatarColour(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) >>> 0;
  const hue = hash % 360;
  return hslToRgb(hue / 360, 0.55, 0.45);
}

function hslToRgb(h: number, s: number, l: number): number {
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return (f(0) << 16) | (f(8) << 8) | f(4);
}
