/**
 * A level's art arrives as a JSON file per prop: a prop that cannot be fetched leaves
 * its picture without it rather than failing the level, and is asked for again later
 * (offline then, perhaps not now).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Picture } from '../../src/core/level/schema';
import { loadArt } from '../../src/pictures';

const SHIP = { body: '<path d="M0 0h10v10z"/>', width: 128, height: 128 };

function pictureWith(...icons: string[]): Picture {
  return { props: icons.map((icon) => ({ icon })) } as unknown as Picture;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loading a level’s art', () => {
  it('fetches each prop once, by its file, and skips names there is no art for', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(SHIP), { status: 200 });
    });
    const art = await loadArt([pictureWith('ship', 'no-such-prop'), pictureWith('ship')]);
    expect(Object.keys(art)).toEqual(['ship']);
    expect(art.ship).toEqual(SHIP);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/ship.*\.json$/);
    // Fetched once for the whole game: asking again costs no request.
    await loadArt([pictureWith('ship')]);
    expect(fetched).toHaveLength(1);
  });

  it('goes without a prop it cannot fetch, and asks for it again next time', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      throw new TypeError('Failed to fetch');
    });
    expect(await loadArt([pictureWith('tent')])).toEqual({});
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('', { status: 404 });
    });
    expect(await loadArt([pictureWith('tent')])).toEqual({});
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(JSON.stringify(SHIP), { status: 200 });
    });
    expect(await loadArt([pictureWith('tent')])).toEqual({ tent: SHIP });
    expect(fetched).toHaveLength(3);
  });
});
