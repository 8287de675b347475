/**
 * Canvas line wrapping in the shipped languages, with a fake font: an ideograph or a
 * full-width sign is 2 units wide, anything else 1, so each expectation can be checked
 * by counting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakUnits, segmentUnits, widestWord, wrapText } from '../../src/ui/text-wrap';

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const measure = (text: string) =>
  Array.from(text).reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);

const wrap = (text: string, maxWidth: number, locale?: string, maxLines?: number) =>
  wrapText(text, { maxWidth, measure, locale, maxLines });

/** Punctuation that must never start a line, in the Chinese and Russian texts below. */
const CLOSING = /^[，。！？、；：）」』”’,.!?;:)»—…]/u;

function expectWellWrapped(lines: string[], text: string, maxWidth: number): void {
  for (const line of lines) {
    expect(measure(line), `"${line}" is wider than ${maxWidth}`).toBeLessThanOrEqual(maxWidth);
    expect(line, `"${line}" starts with closing punctuation`).not.toMatch(CLOSING);
  }
  // Nothing lost: only the spaces at the line breaks are dropped.
  expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
}

describe('wrapText', () => {
  it('wraps Chinese between words, with no spaces needed', () => {
    const text = '我们周末去公园散步，看到了一张招募广告。';
    const lines = wrap(text, 12, 'zh-Hans');
    expect(lines.length).toBeGreaterThan(1);
    expectWellWrapped(lines, text, 12);
    // Words the segmenter knows stay whole: 公园 (park) and 招募 (recruit) are never split.
    for (const word of ['公园', '招募', '广告'])
      expect(
        lines.some((line) => line.includes(word)),
        word,
      ).toBe(true);
  });

  it('never starts a line with closing punctuation, at any width', () => {
    const text = '月薪三万元！无需经验，名额仅剩5个——立即私信“老王”（真的）。你还在等什么？';
    for (let width = 6; width <= 40; width++) {
      expectWellWrapped(wrap(text, width, 'zh-Hans'), text, width);
    }
  });

  it('keeps a full stop on the line of the character before it, even when only that line is full', () => {
    // Four ideographs fill a width of 8; the full stop must take the last one with it.
    const lines = wrap('一二三四。', 8, 'zh-Hans');
    expect(lines.at(-1)?.endsWith('。')).toBe(true);
    expect(lines.at(-1)?.length).toBeGreaterThan(1);
  });

  it('wraps Russian and Ukrainian at spaces only, never inside a word', () => {
    const russian = 'Осталось всего пять мест, звоните сегодня: бонус при подписании контракта!';
    const ukrainian = "Пам'ятайте: справжні оголошення про роботу чесно описують обов'язки.";
    for (const [text, locale] of [
      [russian, 'ru'],
      [ukrainian, 'uk'],
    ] as const) {
      const lines = wrap(text, 20, locale);
      expectWellWrapped(lines, text, 20);
      const words = text.split(' ');
      expect(lines.flatMap((line) => line.split(' '))).toEqual(words);
    }
  });

  it('keeps a dash off the start of a line (Russian typography)', () => {
    const lines = wrap('Это правда — так говорят все', 12, 'ru');
    expect(lines).toEqual(['Это правда —', 'так говорят', 'все']);
  });

  it('breaks mixed Latin and Chinese between scripts but keeps Latin words and numbers whole', () => {
    const text = '用iPhone 15拍的照片，在Buzzline上有1.2万次转发。';
    for (let width = 10; width <= 30; width += 2) {
      const lines = wrap(text, width, 'zh-Hans');
      expectWellWrapped(lines, text, width);
      for (const word of ['iPhone', 'Buzzline', '1.2'])
        expect(
          lines.some((line) => line.includes(word)),
          `${word} split at width ${width}`,
        ).toBe(true);
    }
  });

  it('breaks a single word wider than the line between characters, and only that word', () => {
    const lines = wrap('See https://recruit.example.com/apply-now-today today', 10, 'en');
    expect(lines[0]).toBe('See');
    expect(lines.at(-1)).toMatch(/today$/u);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(10);
    expect(lines.join('')).toBe('Seehttps://recruit.example.com/apply-now-today today');
  });

  it('keeps an emoji with its skin tone whole when breaking a long word', () => {
    const lines = wrap('👍🏽👍🏽👍🏽👍🏽👍🏽', 5);
    for (const line of lines) expect(line.length % '👍🏽'.length).toBe(0);
  });

  it('keeps the line breaks the text has', () => {
    expect(wrap('第一行\n第二行', 100, 'zh-Hans')).toEqual(['第一行', '第二行']);
    expect(wrap('one\n\ntwo', 100, 'en')).toEqual(['one', '', 'two']);
  });

  it('cuts to maxLines with an ellipsis that still fits', () => {
    const lines = wrap('one two three four five six seven eight', 9, 'en', 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(measure(lines[1] as string)).toBeLessThanOrEqual(9);
  });

  it('lets English wrap as before: at spaces, punctuation staying with its word', () => {
    expect(wrap('Scroll the feed. Spot the recruiters.', 16, 'en')).toEqual([
      'Scroll the feed.',
      'Spot the',
      'recruiters.',
    ]);
  });
});

describe('breakUnits', () => {
  it('gives the text back when joined', () => {
    const text = '在“Natter”上，有人说：「月薪三万」——别信！ Hello, world.';
    expect(breakUnits(text, 'zh-Hans').join('')).toBe(text);
  });

  it('keeps opening quotes with the word after them and closing quotes with the word before', () => {
    const units = breakUnits('私信“老王”。', 'zh-Hans');
    expect(units.some((unit) => unit.startsWith('“'))).toBe(true);
    expect(units.some((unit) => unit.endsWith('”') || unit.endsWith('”。'))).toBe(true);
    for (const unit of units) expect(unit).not.toMatch(/“$/u);
  });

  it('breaks text without ideographs, marks or joiners where the segmenter would', () => {
    // Letters of the shipped alphabets, digits, spaces of several kinds, emoji and the
    // punctuation that must not start or end a line.
    const pieces = [...'aZёЖї09 \u00a0\t😀,.!?;:)»—…(«“‘-/@#'];
    const text = fc
      .array(fc.constantFrom(...pieces), { maxLength: 40 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('en', 'ru', 'uk'), (sample, locale) => {
        expect(breakUnits(sample, locale)).toEqual(segmentUnits(sample, locale));
      }),
    );
  });
});

describe('widestWord', () => {
  it('measures the widest piece a line cannot be broken inside, without its spaces', () => {
    expect(widestWord('Однополчане, седьмая часть (60)', measure, 'ru')).toBe(
      measure('Однополчане,'),
    );
    expect(widestWord('  a  bb  ', measure, 'en')).toBe(2);
    expect(widestWord('', measure, 'en')).toBe(0);
  });

  it('finds Chinese words without spaces, narrower than the whole sentence', () => {
    const sentence = '七连老战友群欢迎大家';
    const widest = widestWord(sentence, measure, 'zh-Hans');
    expect(widest).toBeGreaterThan(0);
    expect(widest).toBeLessThan(measure(sentence));
  });
});
