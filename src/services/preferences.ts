/**
 * Every saved preference in one table: its storage key, its default and the parser
 * that turns whatever is stored (nothing, an old value, garbage) into a valid value.
 * UI files ask here; none of them knows a key. A preference whose format changes gets
 * its migration in its parser, so old saves keep working.
 *
 * The saves that are not preferences (progress, the resumable session, a workshop run,
 * the dashboard) keep their keys beside their own formats: progress-store.ts,
 * resume-store.ts, workshop/run-store.ts, workshop/dashboard-store.ts.
 */
import { MODES, type Mode } from '../core/mode-names';
import { parseTimerSetting, type TimerSetting } from '../core/modes';
import { type AudioSettings, parseAudioSettings, serializeAudioSettings } from './audio-settings';
import type { KeyValueStore } from './storage';

export type MotionPreference = 'system' | 'reduced' | 'full';
export const MOTION_PREFERENCES: readonly MotionPreference[] = ['system', 'reduced', 'full'];
export type ContrastPreference = 'system' | 'more' | 'standard';
export const CONTRAST_PREFERENCES: readonly ContrastPreference[] = ['system', 'more', 'standard'];
export const TEXT_SCALES = [100, 125, 150, 175, 200] as const;

const oneOf =
  <T extends string>(choices: readonly T[], fallback: T) =>
  (text: string | null): T =>
    choices.find((choice) => choice === text) ?? fallback;

/** A saved text scale; anything unreadable or out of range means 100%. */
export function parseTextScale(text: string | null): number {
  const value = Number(text);
  return TEXT_SCALES.find((scale) => scale === value) ?? 100;
}

interface Preference<T> {
  key: string;
  parse(text: string | null): T;
  write(value: T): string;
}

const preference = <T>(
  key: string,
  parse: (text: string | null) => T,
  write: (value: T) => string = String,
): Preference<T> => ({ key, parse, write });

export const PREFERENCES = {
  /** The player's chosen language; null: none chosen, the browser's languages decide. */
  language: preference<string | null>('flag-the-feed:language', (text) => text),
  /** The mode the level list starts levels in; Learn by default. */
  mode: preference<Mode>('flag-the-feed:mode', oneOf(MODES, 'learn')),
  /** The Challenge timer: normal, double time or off (WCAG 2.2.1). */
  timer: preference<TimerSetting>('flag-the-feed:timer', parseTimerSetting),
  /** Decorative motion; "system" follows prefers-reduced-motion. */
  motion: preference('flag-the-feed:motion', oneOf(MOTION_PREFERENCES, 'system')),
  textScale: preference('flag-the-feed:text-scale', parseTextScale),
  /** "system" follows prefers-contrast: more. */
  contrast: preference('flag-the-feed:contrast', oneOf(CONTRAST_PREFERENCES, 'system')),
  /** Single-key shortcuts (WCAG 2.1.4): anything but "off" means on. */
  shortcuts: preference<boolean>(
    'flag-the-feed:shortcuts',
    (text) => text !== 'off',
    (on) => (on ? 'on' : 'off'),
  ),
  /** Volumes and mute, one JSON object; each field falls back to its default alone. */
  audio: preference<AudioSettings>(
    'flag-the-feed:audio',
    parseAudioSettings,
    serializeAudioSettings,
  ),
} as const;

type Preferences = typeof PREFERENCES;
export type PreferenceName = keyof Preferences;
export type PreferenceValue<N extends PreferenceName> = ReturnType<Preferences[N]['parse']>;

export function readPreference<N extends PreferenceName>(
  store: KeyValueStore,
  name: N,
): PreferenceValue<N> {
  return PREFERENCES[name].parse(store.get(PREFERENCES[name].key)) as PreferenceValue<N>;
}

/**
 * The stored text of one preference, for a service that keeps its own copy in memory
 * and parses it with the parser above (audio: SettingsStore in audio-settings.ts).
 */
export function preferenceText(store: KeyValueStore, name: PreferenceName) {
  const { key } = PREFERENCES[name];
  return { load: () => store.get(key), save: (text: string) => void store.set(key, text) };
}

/** Saves the value as its parser will read it back; false when storage refused it. */
export function savePreference<N extends PreferenceName>(
  store: KeyValueStore,
  name: N,
  value: PreferenceValue<N>,
): boolean {
  const { key, write } = PREFERENCES[name] as Preference<PreferenceValue<N>>;
  return store.set(key, write(value));
}
