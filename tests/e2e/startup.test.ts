import { describe, expect, inject, it } from 'vitest';
import { collectErrors, useBrowser } from './browser';

describe('opening the game', () => {
  const browser = useBrowser();

  // Phaser reports a resize as it boots, to the size the title was just built for. The
  // title used to rebuild then, replacing every element of the accessible layer in its
  // first frame: a screen reader's place (or a quick Tab) on the first Play button was
  // lost, and the title paid for its build twice before a phone showed it.
  it.each([
    { device: 'phone', viewport: { width: 390, height: 844 } },
    { device: 'desktop', viewport: { width: 1280, height: 800 } },
  ])(
    'keeps the title it first shows on a $device: the first Play button stays',
    async ({ viewport }) => {
      const page = await browser().newPage({ viewport });
      const errors = collectErrors(page);
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          const play = Array.from(document.querySelectorAll('button')).find(
            (button) =>
              (button.getAttribute('aria-label') ?? button.textContent ?? '').trim() === 'Play',
          );
          if (!play) return;
          (window as unknown as { __firstPlay: Element }).__firstPlay = play;
          observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${inject('baseUrl')}?lang=en`);
      const play = page.getByRole('button', { name: 'Play', exact: true });
      await play.waitFor();
      // The backdrop comes 100 ms after the title; give the first frames time to run.
      await page.waitForTimeout(1000);
      const firstStays = await page.evaluate(() => {
        const first = (window as unknown as { __firstPlay?: Element }).__firstPlay;
        return first?.isConnected === true;
      });
      expect(firstStays).toBe(true);
      expect(await play.count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
