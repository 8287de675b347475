/**
 * The colours players read: every text colour against what it is drawn on, in both
 * themes (WCAG 2.2 1.4.3: 4.5:1, 3:1 for large text), and the facet palette still
 * telling its colours apart for people with protanopia, deuteranopia or tritanopia.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Taxonomy } from '../../src/core/level/schema';
import {
  colourDifference,
  contrastRatio,
  type Deficiency,
  inkOn,
  simulate,
} from '../../src/ui/colour';
import { avatarColour, PALETTES } from '../../src/ui/theme';

const css = (value: number) => `#${value.toString(16).padStart(6, '0')}`;

/** The custom properties of one CSS rule in style.css, e.g. `:root` or `html.high-contrast`. */
function cssVariables(selector: string): Record<string, string> {
  const source = readFileSync('src/style.css', 'utf8');
  const start = source.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`style.css has no ${selector} rule`);
  const body = source.slice(start, source.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/giu)].map((match) => [
      match[1] as string,
      match[2] as string,
    ]),
  );
}

describe('colour arithmetic', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#777777')).toBe(contrastRatio('#777777', '#ffffff'));
    expect(inkOn('#ffff00')).toBe('#000000');
    expect(inkOn('#0072b2')).toBe('#ffffff');
  });

  it('simulates dichromacy: red and green collapse for protanopes and deuteranopes, not for tritanopes', () => {
    // A brown-orange and an olive green of similar lightness: a classic red-green confusion.
    const red = '#b35900';
    const green = '#4d8000';
    expect(colourDifference(red, green)).toBeGreaterThan(60);
    for (const deficiency of ['protanopia', 'deuteranopia'] as const)
      expect(colourDifference(simulate(red, deficiency), simulate(green, deficiency))).toBeLessThan(
        12,
      );
    expect(
      colourDifference(simulate(red, 'tritanopia'), simulate(green, 'tritanopia')),
    ).toBeGreaterThan(60);
    // Greys look the same to everyone.
    expect(simulate('#808080', 'tritanopia')).toBe('#808080');
  });
});

describe('text contrast in the DOM panels (style.css)', () => {
  const root = cssVariables(':root');
  const high = { ...root, ...cssVariables('html.high-contrast') };
  // [text, background] pairs as the panels use them.
  const PAIRS: [string, string][] = [
    ['ink', 'paper'],
    ['ink', 'panel'],
    ['ink', 'panel-2'],
    ['ink-dim', 'panel'],
    ['ink-dim', 'panel-2'],
    ['on-accent', 'accent'],
    ['ink', 'danger-fill'],
    ['ink', 'ok-fill'],
    ['ink', 'chosen'],
    ['ink', 'notice'],
    ['ink', 'broken'],
    ['ok', 'panel'],
    ['accent', 'panel'],
    ['danger', 'panel'],
  ];
  for (const [theme, variables] of [
    ['standard', root],
    ['high contrast', high],
  ] as const)
    it.each(PAIRS)(`${theme}: --%s on --%s is at least 4.5:1`, (text, background) => {
      const ink = variables[text];
      const paper = variables[background];
      if (!ink || !paper) throw new Error(`--${text} or --${background} is missing`);
      expect(contrastRatio(ink, paper)).toBeGreaterThanOrEqual(4.5);
    });

  it('makes high contrast at least 7:1 for body text', () => {
    expect(contrastRatio(high.ink as string, high.panel as string)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(high['ink-dim'] as string, high.panel as string)).toBeGreaterThanOrEqual(
      7,
    );
  });
});

/** [text, background, minimum ratio] */
function expectContrast(pairs: [string, string, number][]): void {
  for (const [ink, paper, minimum] of pairs)
    expect(contrastRatio(ink, paper), `${ink} on ${paper}`).toBeGreaterThanOrEqual(minimum);
}

describe('text contrast on the canvas (ui/theme.ts)', () => {
  const { STANDARD_APP, HIGH_CONTRAST_APP, STANDARD_PLATFORMS, highContrastPlatform } = PALETTES;
  for (const [theme, app] of [
    ['standard', STANDARD_APP],
    ['high contrast', HIGH_CONTRAST_APP],
  ] as const) {
    it(`${theme}: the app's texts and buttons`, () => {
      const pairs: [string, string, number][] = [
        [app.ink, css(app.background), 4.5],
        [app.ink, css(app.panel), 4.5],
        [app.inkDim, css(app.panel), 4.5],
        [app.good, css(app.panel), 4.5],
        [app.accentCss, css(app.background), 4.5],
        [app.buttonInk, css(app.button), 4.5],
        [app.buttonInk, css(app.buttonHover), 4.5],
        [app.primaryInk, css(app.accent), 4.5],
        [app.primaryInk, css(app.primaryHover), 4.5],
      ];
      expectContrast(pairs);
      // The focus ring is a graphic: 3:1 against the app background (WCAG 1.4.11).
      expect(contrastRatio(css(app.focus), css(app.background))).toBeGreaterThanOrEqual(3);
    });
    const platforms = Object.entries(STANDARD_PLATFORMS).map(
      ([name, style]) =>
        [name, theme === 'standard' ? style : highContrastPlatform(style)] as const,
    );
    it.each(platforms)(`${theme}: %s's header, cards, badges, media and stamps`, (_, style) => {
      const pairs: [string, string, number][] = [
        [style.headerInk, css(style.header), 4.5],
        [style.cardInk, css(style.card), 4.5],
        [style.cardInkDim, css(style.card), 4.5],
        [style.accentInk, style.accentCss, 4.5],
        [style.imageInk, css(style.image), 4.5],
        [style.videoInk, css(style.video), 4.5],
        // Stamps are large bold text (22px): 3:1.
        [app.flaggedCss, css(style.card), 3],
        [app.passedCss, css(style.card), 3],
      ];
      expectContrast(pairs);
      // The focus ring around a card: 3:1 against the page behind it and the card inside it.
      expect(contrastRatio(css(style.focus), css(style.background))).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(css(style.focus), css(style.card))).toBeGreaterThanOrEqual(3);
    });
  }

  it('writes avatar initials in black or white, whichever reads at 4.5:1, for every handle', () => {
    for (let i = 0; i < 2000; i++) {
      const fill = css(avatarColour(`@account_${i}`));
      expect(contrastRatio(inkOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('facet colours (levels/taxonomy.json)', () => {
  const taxonomy = JSON.parse(readFileSync('levels/taxonomy.json', 'utf8')) as Taxonomy;
  const facets = [...taxonomy.tactics, { ...taxonomy.lure, id: 'lure' }].map(
    ({ id, colour, icon }) => ({ id, colour, icon }),
  );
  /** CIE76 ΔE between two facet colours must stay at least this, for every kind of vision. */
  const DISTINCT = 12;

  it.each(['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const)(
    'stay distinct for %s vision',
    (vision) => {
      const seen = (colour: string) =>
        vision === 'normal' ? colour : simulate(colour, vision as Deficiency);
      const close: string[] = [];
      for (const [i, a] of facets.entries())
        for (const b of facets.slice(i + 1)) {
          const difference = colourDifference(seen(a.colour), seen(b.colour));
          if (difference < DISTINCT) close.push(`${a.id} ~ ${b.id}: ΔE ${difference.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    },
  );

  it('each stand out from the dark panel (3:1 for graphics) and carry their own icon', () => {
    for (const facet of facets) {
      expect(contrastRatio(facet.colour, '#1f2230'), facet.id).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(inkOn(facet.colour), facet.colour), facet.id).toBeGreaterThanOrEqual(
        4.5,
      );
    }
    expect(new Set(facets.map((facet) => facet.icon)).size).toBe(facets.length);
  });
});
