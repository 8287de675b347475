/**
 * The settings dialog's "Display" group: text size, contrast and the single-key
 * shortcuts, applied at once and saved.
 */
import type { Translator } from '../services/i18n';
import {
  CONTRAST_PREFERENCES,
  PREFERENCES,
  savePreference,
  TEXT_SCALES,
} from '../services/preferences';
import type { KeyValueStore } from '../services/storage';
import { el, labelledSelect } from './dialog';
import { contrastPreference, setDisplayPreferences, textScalePercent } from './display';
import { setShortcutsEnabled, shortcutsEnabled } from './keyboard';

export function displaySettings(translator: Translator, store: KeyValueStore): HTMLFieldSetElement {
  const { t } = translator;
  const group = el('fieldset');
  group.append(el('legend', t('a11y.display')));
  group.append(
    labelledSelect(
      'settings-text-scale',
      t('a11y.textScale'),
      TEXT_SCALES.map((scale) => ({
        value: String(scale),
        label: translator.number(scale / 100, { style: 'percent' }),
      })),
      String(textScalePercent()),
      (value) => {
        const next = PREFERENCES.textScale.parse(value);
        savePreference(store, 'textScale', next);
        setDisplayPreferences({ textScale: next });
      },
      'setting',
    ),
    labelledSelect(
      'settings-contrast',
      t('a11y.contrast'),
      CONTRAST_PREFERENCES.map((value) => ({
        value,
        label: t(`a11y.contrastOption.${value}`),
      })),
      contrastPreference(),
      (value) => {
        const next = PREFERENCES.contrast.parse(value);
        savePreference(store, 'contrast', next);
        setDisplayPreferences({ contrast: next });
      },
      'setting',
    ),
    labelledSelect(
      'settings-shortcuts',
      t('a11y.shortcuts'),
      (['on', 'off'] as const).map((value) => ({
        value,
        label: t(`a11y.shortcutsOption.${value}`),
      })),
      shortcutsEnabled() ? 'on' : 'off',
      (value) => {
        const on = PREFERENCES.shortcuts.parse(value);
        savePreference(store, 'shortcuts', on);
        setShortcutsEnabled(on);
      },
      'setting',
    ),
  );
  return group;
}
