/** Settings: language and sound. Changes apply at once and are saved. */
import type { AccessibleLayer } from '../a11y/layer';
import type { AudioService } from '../services/audio';
import { AVAILABLE_LANGUAGES, type Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { button, el, openPanel } from './dialog';

export const LANGUAGE_KEY = 'flag-the-feed:language';

export function languageSelect(
  translator: Translator,
  store: KeyValueStore,
  id: string,
): HTMLLabelElement {
  const label = el('label');
  label.htmlFor = id;
  label.append(el('span', translator.t('settings.language')), document.createTextNode(' '));
  const select = el('select');
  select.id = id;
  for (const language of AVAILABLE_LANGUAGES) {
    const option = el('option', translator.t(`languages.${language}`, { defaultValue: language }));
    option.value = language;
    option.selected = language === translator.language();
    select.append(option);
  }
  select.addEventListener('change', () => {
    store.set(LANGUAGE_KEY, select.value);
    void translator.setLanguage(select.value);
  });
  label.append(select);
  return label;
}

export function openSettings(
  layer: AccessibleLayer,
  translator: Translator,
  audio: AudioService,
  store: KeyValueStore,
  onClose: () => void,
): void {
  const { t } = translator;
  const close = () => {
    panel.close();
    onClose();
  };
  const panel = openPanel(layer, t('settings.title'), close);
  const language = languageSelect(translator, store, 'settings-language');

  const sound = el('p');
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
  sound.append(mute);

  const volumeLabel = el('label');
  volumeLabel.htmlFor = 'settings-volume';
  volumeLabel.append(el('span', t('settings.volume')), document.createTextNode(' '));
  const volume = el('input');
  volume.type = 'range';
  volume.id = 'settings-volume';
  volume.min = '0';
  volume.max = '100';
  volume.step = '5';
  volume.value = String(Math.round(audio.getVolumes().master * 100));
  volume.addEventListener('change', () => {
    audio.setVolume('master', Number(volume.value) / 100);
    audio.play('button');
  });
  volumeLabel.append(volume);

  const actions = el('div', null, 'row');
  actions.append(button(t('settings.done'), close, 'primary'));
  panel.body.append(language, sound, volumeLabel, actions);
  language.querySelector('select')?.focus();
}
