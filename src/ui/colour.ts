/**
 * Colour arithmetic for accessibility: WCAG contrast ratios, the readable ink for a
 * background, and how a colour looks to people with the common colour-vision
 * deficiencies (so the facet palette can be checked to stay distinct for them).
 * Pure functions, no DOM: unit tests run them in Node.
 */

export type Rgb = readonly [number, number, number];

/** A 0xRRGGBB number as CSS #rrggbb. */
export function cssHex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

export function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/iu.exec(hex.trim());
  if (!match?.[1]) throw new Error(`${hex} is not a #rrggbb colour`);
  const value = Number.parseInt(match[1], 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** sRGB channel (0-255) to linear light (0-1). */
function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function gamma(value: number): number {
  const v = Math.min(1, Math.max(0, value));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
}

/** WCAG 2 relative luminance. */
export function luminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the background. */
export function inkOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/**
 * Machado, Oliveira and Fernandes (2009), severity 1.0: matrices on linear RGB that
 * simulate how each dichromat sees a colour.
 */
const SIMULATION: Record<Deficiency, readonly number[]> = {
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
  tritanopia: [
    1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
  ],
};

export function simulate(colour: string, deficiency: Deficiency): string {
  const [r, g, b] = parseHex(colour).map(linear) as [number, number, number];
  const m = SIMULATION[deficiency];
  const out = [0, 1, 2].map((row) =>
    gamma(
      (m[row * 3] as number) * r + (m[row * 3 + 1] as number) * g + (m[row * 3 + 2] as number) * b,
    ),
  );
  return `#${out.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** CIELAB (D65) of an sRGB colour. */
function lab(colour: string): Rgb {
  const [r, g, b] = parseHex(colour).map(linear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (ΔE*ab): about 2.3 is just noticeable, 10+ is clearly different. */
export function colourDifference(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
