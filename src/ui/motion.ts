/**
 * Motion is decoration: players who ask for less, in the game's settings or through
 * their system, get none. The game's own setting wins over the system's.
 */
export type MotionPreference = 'system' | 'reduced' | 'full';

export const MOTION_KEY = 'flag-the-feed:motion';
const PREFERENCES: readonly MotionPreference[] = ['system', 'reduced', 'full'];

let preference: MotionPreference = 'system';

/** Reads a saved preference; anything unknown means "follow the system". */
export function parseMotionPreference(text: string | null): MotionPreference {
  return PREFERENCES.find((candidate) => candidate === text) ?? 'system';
}

export function setMotionPreference(next: MotionPreference): void {
  preference = next;
}

export function motionPreference(): MotionPreference {
  return preference;
}

export function reducedMotion(): boolean {
  if (preference !== 'system') return preference === 'reduced';
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
