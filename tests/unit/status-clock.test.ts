/** The phone clock in each app's status line, in the game's languages. */
import { describe, expect, it } from 'vitest';
import { statusClock } from '../../src/platforms/shared/status-clock';

describe('statusClock', () => {
  const afternoon = new Date(2026, 11, 7, 13, 5);
  const midnight = new Date(2026, 11, 7, 0, 30);
  const morning = new Date(2026, 11, 7, 9, 45);

  it('shows the 12-hour time without AM or PM in English, as a phone does', () => {
    expect(statusClock(afternoon, 'en')).toBe('1:05');
    expect(statusClock(midnight, 'en')).toBe('12:30');
    expect(statusClock(morning, 'en')).toBe('9:45');
  });

  it('shows the 24-hour time in Russian, Ukrainian and Chinese', () => {
    for (const language of ['ru', 'uk', 'zh-Hans']) {
      expect(statusClock(afternoon, language)).toBe('13:05');
      expect(statusClock(midnight, language)).toBe('00:30');
      expect(statusClock(morning, language)).toBe('09:45');
    }
  });
});
