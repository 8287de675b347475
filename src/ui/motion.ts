/**
 * Motion is decoration: players who ask for less, in the game's settings or through
 * their system, get none. The game's own setting wins over the system's.
 */
import type { MotionPreference } from '../services/preferences';

let preference: MotionPreference = 'system';

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
