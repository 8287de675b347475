/** Colours and type for what the canvas draws; each fictional platform has its own look. */
import type { Platform } from '../core/level/schema';

/**
 * System fonts only, nothing to download. system-ui covers Latin and Cyrillic on every
 * platform; for Chinese the browser falls through, glyph by glyph, to the first CJK
 * font the system has: Noto Sans CJK SC (Linux, ChromeOS, Android), PingFang SC (macOS,
 * iOS), Microsoft YaHei (Windows). Keep in step with --font in style.css.
 */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', Arial, sans-serif";

export const APP = {
  background: 0x14161f,
  panel: 0x1f2230,
  ink: '#f1f3f5',
  inkDim: '#c1c7d0',
  accent: 0xffd43b,
  accentCss: '#ffd43b',
  flagged: 0xe03131,
  passed: 0x2f9e44,
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
  /** Corner radius of cards: each platform has its own shape language. */
  radius: number;
}

export const PLATFORM_STYLES: Record<Platform, PlatformStyle> = {
  // Natter: a messenger with group chats and moments, green and rounded.
  messenger: {
    background: 0xe9ecef,
    header: 0x2b8a3e,
    headerInk: '#ffffff',
    card: 0xffffff,
    cardInk: '#212529',
    cardInkDim: '#495057',
    accent: 0x2b8a3e,
    accentCss: '#2b8a3e',
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
    radius: 10,
  },
  // Buzzline: a microblog, light with an orange accent and square-ish cards.
  microblog: {
    background: 0xfff4e6,
    header: 0xe8590c,
    headerInk: '#ffffff',
    card: 0xffffff,
    cardInk: '#212529',
    cardInkDim: '#5c636a',
    accent: 0xd9480f,
    accentCss: '#c2410c',
    radius: 4,
  },
};

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
