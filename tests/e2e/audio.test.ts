import { describe, expect, inject, it } from 'vitest';
import { collectErrors, press, sessionState, useBrowser } from './browser';

describe('audio', () => {
  const browser = useBrowser();

  it('plays level 1 to the debrief with audio blocked, silently and without errors', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.addInitScript(() => {
      // No Web Audio, and every media element refuses to play: as on a locked-down machine.
      Object.defineProperty(window, 'AudioContext', { value: undefined });
      Object.defineProperty(window, 'webkitAudioContext', { value: undefined });
      HTMLMediaElement.prototype.play = () =>
        Promise.reject(new DOMException('blocked', 'NotAllowedError'));
    });
    await page.goto(`${inject('baseUrl')}?lang=en&seed=audio`);
    await press(page, page.getByRole('button', { name: 'Play' }));
    await press(page, page.getByRole('button', { name: /^Level 1:/ }));
    await press(page, page.getByRole('button', { name: 'Start scrolling' }));
    const { order } = await sessionState(page);
    for (let index = 0; index < order.length; index++) {
      await press(page, page.getByRole('button', { name: new RegExp(`^Post ${index + 1} of `) }));
      await press(page, page.getByRole('dialog').getByRole('button', { name: 'Looks genuine' }));
      await press(page, page.getByRole('dialog').getByRole('button', { name: 'Continue' }));
    }
    await expect.poll(() => page.getByRole('table', { name: 'Your numbers' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps volumes and mute across a reload; M mutes from anywhere', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}?lang=en`);
    await press(page, page.getByRole('button', { name: 'Settings' }));
    const music = page.getByRole('slider', { name: 'Music' });
    await music.fill('20');
    await press(page, page.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('m');
    // Contains, not equals: the first visit's "ready offline" may be read in the same update.
    await expect.poll(() => page.locator('#announcer').textContent()).toContain('Sound off.');

    await page.reload();
    await press(page, page.getByRole('button', { name: 'Settings' }));
    expect(await page.getByRole('slider', { name: 'Music' }).inputValue()).toBe('20');
    expect(
      await page.getByRole('button', { name: 'Sound: off' }).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });
});
