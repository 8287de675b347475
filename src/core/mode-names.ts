/** The ways to play a level; the rules of each are in modes.ts. */
export const MODES = ['learn', 'challenge', 'exam'] as const;
export type Mode = (typeof MODES)[number];
