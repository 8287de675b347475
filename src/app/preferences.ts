/** Puts the saved preferences into effect at boot, before the first scene is built. */
import { readPreference } from '../services/preferences';
import type { KeyValueStore } from '../services/storage';
import {
  highContrast,
  onDisplayChange,
  setDisplayPreferences,
  watchSystemContrast,
} from '../ui/display';
import { setShortcutsEnabled } from '../ui/keyboard';
import { setMotionPreference } from '../ui/motion';
import { applyContrast } from '../ui/theme';

export function applySavedPreferences(store: KeyValueStore): void {
  setMotionPreference(readPreference(store, 'motion'));
  // Before the first scene: it is built in the player's text size and contrast.
  onDisplayChange(() => applyContrast(highContrast()));
  setDisplayPreferences({
    textScale: readPreference(store, 'textScale'),
    contrast: readPreference(store, 'contrast'),
  });
  watchSystemContrast();
  setShortcutsEnabled(readPreference(store, 'shortcuts'));
}
