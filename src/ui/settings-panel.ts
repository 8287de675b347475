/** Settings: language and sound. Changes apply at once and are saved. */
import type { AccessibleLayer } from '../a11y/layer';
import { TIMER_SETTINGS } from '../core/modes';
import type { AudioService } from '../services/audio';
import type { VolumeChannel } from '../services/audio-settings';
import { AVAILABLE_LANGUAGES, type Translator } from '../services/i18n';
import {
  MOTION_PREFERENCES,
  PREFERENCES,
  readPreference,
  savePreference,
} from '../services/preferences';
import type { KeyValueStore } from '../services/storage';
import { button, el, labelledSelect, openPanel } from './dialog';
import { openHelp } from './help-panel';
import { motionPreference, setMotionPreference } from './motion';

/** A labelled picker for the Challenge timer; the choice is saved at once. */
export function timerSelect(
  translator: Translator,
  store: KeyValueStore,
  id: string,
): HTMLLabelElement {
  const { t } = translator;
  return labelledSelect(
    id,
    t('modes.timer.setting'),
    TIMER_SETTINGS.map((setting) => ({
      value: setting,
      label: t(`modes.timer.option.${setting}`),
    })),
    readPreference(store, 'timer'),
    (value) => savePreference(store, 'timer', PREFERENCES.timer.parse(value)),
  );
}

export function languageSelect(
  translator: Translator,
  store: KeyValueStore,
  id: string,
): HTMLLabelElement {
  return labelledSelect(
    id,
    translator.t('settings.language'),
    AVAILABLE_LANGUAGES.map((language) => ({
      value: language,
      label: translator.t(`languages.${language}`, { defaultValue: language }),
    })),
    translator.language(),
    (value) => {
      savePreference(store, 'language', value);
      void translator.setLanguage(value);
    },
  );
}

/**
 * The settings dialog. It stays open through a language change (the scene rebuilds
 * under it) and re-renders itself in the new language, keeping focus on the picker.
 * On closing, focus goes back to the button that opened it, found again by its key
 * because the rebuild replaced it; onClose is the fallback.
 */
export function openSettings(
  layer: AccessibleLayer,
  translator: Translator,
  audio: AudioService,
  store: KeyValueStore,
  onClose: () => void,
): void {
  const openerKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  const close = () => {
    translator.i18n.off('languageChanged', rerender);
    panel.close();
    const opener = openerKey
      ? layer.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(openerKey)}"]`)
      : null;
    if (opener) opener.focus();
    else onClose();
  };
  const panel = openPanel(layer, translator.t('settings.title'), close, { keepOnRebuild: true });
  const render = (focusedKey?: string) => {
    const { t } = translator;
    panel.heading.textContent = t('settings.title');
    const language = languageSelect(translator, store, 'settings-language');

    const sound = el('fieldset');
    sound.append(el('legend', t('settings.sound')));
    const mute = button('', () => {
      audio.toggleMute();
      audio.play('button');
      renderMute();
    });
    const renderMute = () => {
      mute.textContent = audio.isMuted() ? t('settings.soundOff') : t('settings.soundOn');
      mute.setAttribute('aria-pressed', String(!audio.isMuted()));
    };
    renderMute();
    sound.append(mute, el('p', t('settings.muteKey'), 'meta'));
    for (const channel of ['master', 'music', 'effects'] as const) {
      sound.append(volumeSlider(channel, t(`settings.volume.${channel}`), audio));
    }

    const motion = labelledSelect(
      'settings-motion',
      t('settings.motion'),
      MOTION_PREFERENCES.map((option) => ({
        value: option,
        label: t(`settings.motionOption.${option}`),
      })),
      motionPreference(),
      (value) => {
        const next = PREFERENCES.motion.parse(value);
        setMotionPreference(next);
        savePreference(store, 'motion', next);
      },
    );

    const actions = el('div', null, 'row');
    actions.append(
      button(t('settings.done'), close, 'primary'),
      button(t('a11y.help.open'), () => openHelp(layer, translator)),
    );
    const timer = timerSelect(translator, store, 'settings-timer');
    // School machines that wipe local data: the progress page carries a save across them.
    const transfer = el('p');
    const transferLink = el('a', t('transfer.link'), 'link');
    transferLink.href = '?progress';
    transfer.append(transferLink);
    panel.body.replaceChildren(
      language,
      displayGroup(translator, store),
      sound,
      motion,
      timer,
      transfer,
      actions,
    );
    // After a rebuild in a new language or size, focus stays on the control that changed.
    const keep = focusedKey
      ? panel.body.querySelector<HTMLElement>(`[data-key="${focusedKey}"]`)
      : null;
    (keep ?? language.querySelector('select'))?.focus();
  };
  const rerender = () => render((document.activeElement as HTMLElement | null)?.dataset?.key);
  translator.i18n.on('languageChanged', rerender);
  render();
}

/**
 * The Display group (text size, contrast, shortcuts): its code loads on first use, so
 * the title's bundle stays small; a placeholder holds its place for that moment.
 */
function displayGroup(translator: Translator, store: KeyValueStore): HTMLElement {
  const placeholder = el('fieldset');
  void import('./display-settings').then(({ displaySettings }) => {
    if (placeholder.isConnected) placeholder.replaceWith(displaySettings(translator, store));
  });
  return placeholder;
}

/** A 0-100 slider for one volume channel; changes apply (and are saved) as it moves. */
function volumeSlider(channel: VolumeChannel, name: string, audio: AudioService): HTMLLabelElement {
  const label = el('label', null, 'slider');
  label.htmlFor = `settings-volume-${channel}`;
  const input = el('input');
  input.type = 'range';
  input.id = `settings-volume-${channel}`;
  input.min = '0';
  input.max = '100';
  input.step = '5';
  input.value = String(Math.round(audio.getVolumes()[channel] * 100));
  input.addEventListener('input', () => audio.setVolume(channel, Number(input.value) / 100));
  // A sample on release, so the player hears the new level without a burst while dragging.
  input.addEventListener('change', () => audio.play(channel === 'music' ? 'button' : 'correct'));
  label.append(el('span', name), input);
  return label;
}
