/** Numbers as players read them: in the language they chose, switched at once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../src/services/i18n';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('translator.number', () => {
  it('formats in the current language, with each format the options ask for', async () => {
    vi.stubGlobal('document', { documentElement: {} });
    const translator = await createTranslator('en');
    const compact = { notation: 'compact', maximumFractionDigits: 1 } as const;
    expect(translator.number(12345.5)).toBe('12,345.5');
    expect(translator.number(9400, compact)).toBe('9.4K');
    expect(translator.number(0.25, { style: 'percent' })).toBe('25%');

    await translator.setLanguage('ru');
    expect(translator.number(12345.5)).toBe(new Intl.NumberFormat('ru').format(12345.5));
    expect(translator.number(12345.5)).not.toBe('12,345.5');
    expect(translator.number(9400, compact)).toBe(
      new Intl.NumberFormat('ru', compact).format(9400),
    );

    await translator.setLanguage('en');
    expect(translator.number(12345.5)).toBe('12,345.5');
    expect(translator.number(9400, compact)).toBe('9.4K');
  });
});
