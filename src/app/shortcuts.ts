/** The keys that work on every screen: M mutes, ? shows the keys, S opens the settings. */
import type { AccessibleLayer } from '../a11y/layer';
import type { AudioService } from '../services/audio';
import type { Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { isDialogOpen } from '../ui/dialog';
import { openHelp } from '../ui/help-panel';
import { listenForShortcuts, setGlobalShortcuts } from '../ui/keyboard';
import { openSettings } from '../ui/settings-panel';

export function listenForGlobalShortcuts(
  layer: AccessibleLayer,
  translator: Translator,
  audio: AudioService,
  store: KeyValueStore,
): void {
  setGlobalShortcuts({
    mute: () => {
      const muted = audio.toggleMute();
      layer.announce(translator.t(muted ? 'settings.muted' : 'settings.unmuted'));
    },
    help: () => openHelp(layer, translator),
    // Not over another dialog: a language change would rebuild the scene under both.
    settings: () => {
      if (!isDialogOpen()) openSettings(layer, translator, audio, store, () => {});
    },
  });
  listenForShortcuts();
}
