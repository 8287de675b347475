/** Saved preferences: whatever storage holds (nothing, old or garbage) reads back as a valid value. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIO_SETTINGS } from '../../src/services/audio-settings';
import {
  PREFERENCES,
  type PreferenceName,
  readPreference,
  savePreference,
} from '../../src/services/preferences';
import { memoryStore } from '../../src/services/storage';

describe('preferences', () => {
  it('reads the default for every preference when nothing or garbage is stored', () => {
    const store = memoryStore();
    const defaults = {
      language: null,
      mode: 'learn',
      timer: 'normal',
      motion: 'system',
      textScale: 100,
      contrast: 'system',
      shortcuts: true,
      audio: DEFAULT_AUDIO_SETTINGS,
    };
    for (const name of Object.keys(PREFERENCES) as PreferenceName[]) {
      expect(readPreference(store, name)).toEqual(defaults[name]);
      if (name === 'language') continue;
      store.set(PREFERENCES[name].key, '{garbage');
      expect(readPreference(store, name)).toEqual(defaults[name]);
    }
  });

  it('reads back what it saved, under the keys earlier versions used', () => {
    const store = memoryStore();
    savePreference(store, 'mode', 'exam');
    savePreference(store, 'textScale', 150);
    savePreference(store, 'shortcuts', false);
    savePreference(store, 'audio', { ...DEFAULT_AUDIO_SETTINGS, muted: true });
    expect(readPreference(store, 'mode')).toBe('exam');
    expect(readPreference(store, 'textScale')).toBe(150);
    expect(readPreference(store, 'shortcuts')).toBe(false);
    expect(readPreference(store, 'audio').muted).toBe(true);
    // Saves from before this module keep working: the keys did not change.
    expect(store.get('flag-the-feed:shortcuts')).toBe('off');
    expect(store.get('flag-the-feed:text-scale')).toBe('150');
    expect(JSON.parse(store.get('flag-the-feed:audio') ?? '{}').muted).toBe(true);
  });

  it('gives every preference its own key', () => {
    const keys = Object.values(PREFERENCES).map((preference) => preference.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
