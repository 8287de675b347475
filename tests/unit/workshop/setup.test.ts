import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../src/core/modes';
import { encodeCode } from '../../../src/core/workshop/codec';
import {
  decodeSetup,
  encodeSetup,
  missingLevels,
  sessionSetupFor,
  type WorkshopSetup,
} from '../../../src/core/workshop/setup';

const setup: WorkshopSetup = {
  levels: ['02-natter-basics', '01-tutorial'],
  mode: 'exam',
  feedback: 'immediate',
  timeLimitMinutes: 15,
  title: 'Klasse 9b – Dienstag',
  packs: ['https://example.org/trainer/pack.zip'],
  check: 'pre-post',
  seed: 'room-12',
};

describe('workshop setup codes', () => {
  it('round-trips a setup, keeping level order, mode, timer, title and seed', () => {
    const code = encodeSetup(setup);
    expect(code).toMatch(/^w1\.[A-Za-z0-9_-]+$/);
    expect(decodeSetup(code)).toEqual({ ok: true, setup });
  });

  it('round-trips any valid setup (property)', () => {
    const levelId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
    fc.assert(
      fc.property(
        fc.record({
          levels: fc.array(levelId, { minLength: 1, maxLength: 20 }),
          mode: fc.constantFrom('learn' as const, 'exam' as const),
          feedback: fc.constantFrom('immediate' as const, 'end' as const),
          timeLimitMinutes: fc.option(fc.integer({ min: 1, max: 180 })),
          title: fc.string({ maxLength: 80 }),
          packs: fc.array(
            fc.constantFrom('https://example.org/a.zip', 'https://trainer.example/l/p.json'),
            { maxLength: 3 },
          ),
          check: fc.constantFrom('off' as const, 'pre-post' as const, 'booster' as const),
          seed: fc.string({ minLength: 1, maxLength: 40 }),
        }),
        (value) => {
          expect(decodeSetup(encodeSetup(value))).toEqual({ ok: true, setup: value });
        },
      ),
    );
  });

  it('ignores spaces and line breaks a chat app adds to a pasted code', () => {
    const code = encodeSetup(setup);
    const broken = `${code.slice(0, 10)}\n ${code.slice(10)}`;
    expect(decodeSetup(broken)).toEqual({ ok: true, setup });
  });

  it('gives a reason for empty, foreign, newer, truncated and invalid codes', () => {
    const code = encodeSetup(setup);
    expect(decodeSetup('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeSetup(`r1.${code.slice(3)}`)).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodeSetup('https://example.com')).toMatchObject({ ok: false, reason: 'foreign' });
    expect(decodeSetup(`w2.${code.slice(3)}`)).toMatchObject({
      ok: false,
      reason: 'too-new',
      version: 2,
    });
    expect(decodeSetup(code.slice(0, code.length - 8))).toMatchObject({
      ok: false,
      reason: 'garbled',
    });
    expect(decodeSetup('x'.repeat(3000))).toMatchObject({ ok: false, reason: 'too-long' });
    const noLevels = encodeCode('w', 1, { ...setup, levels: [] });
    expect(decodeSetup(noLevels)).toEqual({ ok: false, reason: 'invalid', path: 'levels' });
    const { packs: _none, ...withoutPacks } = setup;
    expect(decodeSetup(encodeCode('w', 1, withoutPacks))).toEqual({
      ok: true,
      setup: { ...setup, packs: [] },
    });
    const badPack = encodeCode('w', 1, { ...setup, packs: ['javascript alert(1)'] });
    expect(decodeSetup(badPack)).toEqual({ ok: false, reason: 'invalid', path: 'packs.0' });
    const badMode = encodeCode('w', 1, { ...setup, mode: 'chaos' });
    expect(decodeSetup(badMode)).toEqual({ ok: false, reason: 'invalid', path: 'mode' });
  });

  it('refuses a code that inflates past the limit without inflating all of it', () => {
    const bomb = encodeCode('w', 1, { title: 'a'.repeat(1_000_000) });
    expect(bomb.length).toBeLessThan(2000);
    expect(decodeSetup(bomb)).toMatchObject({ ok: false, reason: 'too-long' });
  });

  it('starts each level with the core rules the facilitator chose', () => {
    // An Exam that still shows feedback after each post, with the core's timer.
    const rules = rulesFor('exam', 10, sessionSetupFor(setup));
    expect(rules).toMatchObject({ feedback: 'immediate', timeLimitSeconds: 900, bonuses: false });
    expect(sessionSetupFor({ ...setup, timeLimitMinutes: null }).timeLimitSeconds).toBeNull();
  });

  it('names the levels this game does not have', () => {
    expect(missingLevels(setup, ['01-tutorial'])).toEqual(['02-natter-basics']);
  });
});
