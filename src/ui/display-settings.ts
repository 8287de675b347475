/**
 * The settings dialog's "Display" group: text size, contrast and the single-key
 * shortcuts, applied at once and saved.
 */
import type { Translator } from '../services/i18n';
import type { KeyValueStore } from '../services/storage';
import { el, labelledSelect } from './dialog';
import {
  CONTRAST_KEY,
  contrastPreference,
  parseContrastPreference,
  setDisplayPreferences,
  TEXT_SCALE_KEY,
  TEXT_SCALES,
  textScalePercent,
} from './display';
import {
  parseShortcutsSetting,
  SHORTCUTS_KEY,
  setShortcutsEnabled,
  shortcutsEnabled,
} from './keyboard';

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
        store.set(TEXT_SCALE_KEY, value);
        setDisplayPreferences({ textScale: Number(value) });
      },
      'setting',
    ),
    labelledSelect(
      'settings-contrast',
      t('a11y.contrast'),
      (['system', 'more', 'standard'] as const).map((value) => ({
        value,
        label: t(`a11y.contrastOption.${value}`),
      })),
      contrastPreference(),
      (value) => {
        const next = parseContrastPreference(value);
        store.set(CONTRAST_KEY, next);
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
        store.set(SHORTCUTS_KEY, value);
        setShortcutsEnabled(parseShortcutsSetting(value));
      },
      'setting',
    ),
  );
  return group;
}
