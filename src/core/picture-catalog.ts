/**
 * The names a level may use in a picture: settings (backgrounds drawn from shapes),
 * props (Noto Emoji art, Apache-2.0, extracted by scripts/build-art.ts), outfits and
 * caption styles. Kept apart from the schema so the art script and the composer read
 * the same lists without pulling in valibot.
 */
export const SETTINGS = [
  'street',
  'city',
  'square',
  'parade',
  'office',
  'home',
  'classroom',
  'countryside',
  'studio',
  'night',
  'stage',
  'plain',
] as const;

/** Noto Emoji icon names, as the level writes them: { "icon": "money-bag" }. */
export const PROPS = [
  'house',
  'office-building',
  'school',
  'hospital',
  'stadium',
  'cityscape',
  'tent',
  'money-bag',
  'dollar-banknote',
  'euro-banknote',
  'coin',
  'credit-card',
  'gem-stone',
  'briefcase',
  'mobile-phone',
  'laptop',
  'television',
  'newspaper',
  'megaphone',
  'loudspeaker',
  'studio-microphone',
  'video-camera',
  'camera-with-flash',
  'military-helmet',
  'military-medal',
  'sports-medal',
  'trophy',
  'crown',
  'star',
  'glowing-star',
  'fire',
  'red-heart',
  'thumbs-up',
  'clapping-hands',
  'flexed-biceps',
  'warning',
  'police-car-light',
  'stop-sign',
  'check-mark-button',
  'cross-mark',
  'ballot-box-with-ballot',
  'airplane',
  'helicopter',
  'automobile',
  'bus',
  'train',
  'ship',
  'evergreen-tree',
  'deciduous-tree',
  'sun',
  'cloud',
  'snowflake',
  'bouquet',
  'birthday-cake',
  'hot-beverage',
  'bread',
  'books',
  'graduation-cap',
  'backpack',
  'clipboard',
  'page-facing-up',
  'envelope',
  'globe-showing-europe-africa',
  'world-map',
  'shield',
  'dove',
  'triangular-flag',
  'white-flag',
  'party-popper',
  'balloon',
  'sparkles',
  'robot',
  'guard',
  'eye',
  'qr-code',
] as const;

export const OUTFITS = ['casual', 'hoodie', 'suit', 'uniform', 'school'] as const;
export const TEXT_STYLES = ['caption', 'headline', 'sign', 'banner'] as const;
export const TEXT_PLACES = ['top', 'middle', 'bottom'] as const;
export const PANS = ['left', 'right', 'up', 'down'] as const;
export const ZOOMS = ['in', 'out'] as const;

export type Setting = (typeof SETTINGS)[number];
export type Prop = (typeof PROPS)[number];
export type Outfit = (typeof OUTFITS)[number];

/**
 * One emoji as people type it: a flag (two regional indicators), or a pictograph with
 * its variation selector or skin tone, joined to others by zero-width joiners.
 */
export const EMOJI =
  /\p{RI}\p{RI}|\p{Extended_Pictographic}(\uFE0F|\p{EMod})?(\u200D\p{Extended_Pictographic}(\uFE0F|\p{EMod})?)*\uFE0F?/gu;
