/**
 * Sizing the labels of the apps' bars (tab names, the group's name): the largest size
 * that fits, never below the smallest readable one. A fake font: each character is
 * 0.6 of the font size wide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelStyle, sizeToFit } from '../../src/ui/canvas-label';

const widthOf = (label: string, style: LabelStyle) => label.length * style.size * 0.6;

describe('sizeToFit', () => {
  it('keeps the size of a label that fits', () => {
    const style = { size: 11, colour: '#000000' };
    expect(sizeToFit(style, (tried) => widthOf('Chats', tried) <= 80, 8)).toEqual(style);
  });

  it('shrinks a long tab name to the largest size that fits its cell, and no further than the smallest', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 6, max: 12 }),
        fc.integer({ min: 20, max: 200 }),
        (label, size, minSize, cell) => {
          const fits = (style: LabelStyle) => widthOf(label, style) <= cell;
          const fitted = sizeToFit({ size, colour: '#000000', bold: true }, fits, minSize);
          expect(fitted.bold).toBe(true);
          expect(fitted.size).toBeLessThanOrEqual(size);
          if (fitted.size > Math.min(size, minSize)) expect(fits(fitted)).toBe(true);
          else expect(fitted.size).toBe(Math.min(size, minSize));
          // The largest that fits: one size up would not (unless it is the size asked for).
          if (fitted.size < size) expect(fits({ ...fitted, size: fitted.size + 1 })).toBe(false);
        },
      ),
    );
  });
});
