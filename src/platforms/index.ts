/** Each platform's room loads with the first level on it, in a chunk of its own. */
import type { Platform } from '../core/level/schema';
import type { PlatformRoom } from './shared/room';

const loaded = new Map<Platform, PlatformRoom>();

const LOADERS: Record<Platform, () => Promise<PlatformRoom>> = {
  messenger: () => import('./natter/room').then((module) => module.natter),
  shortvideo: () => import('./loopy/room').then((module) => module.loopy),
  microblog: () => import('./buzzline/room').then((module) => module.buzzline),
};

/** The room, once loaded; null before. */
export function roomFor(platform: Platform): PlatformRoom | null {
  return loaded.get(platform) ?? null;
}

export async function loadRoom(platform: Platform): Promise<PlatformRoom> {
  const room = loaded.get(platform) ?? (await LOADERS[platform]());
  loaded.set(platform, room);
  return room;
}
