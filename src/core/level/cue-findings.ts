/** The cue check's findings in plain words for trainers (i18n keys, workshop namespace). */

import { CUES } from './cue-features';
import type { CueResult, Rule } from './cues';

export interface Finding {
  /** i18n key in the workshop namespace. */
  key: string;
  params: Record<string, string | number>;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

/** Plain words for trainers about the strongest cues (i18n keys, workshop namespace). */
export function findingsOf(cues: readonly CueResult[]): Finding[] {
  const strong = cues.filter((result) => result.rule && result.heldOut.dPrime >= 0.5).slice(0, 5);
  return strong.map(({ rule, inSample, heldOut }) => {
    const { cue, flagAtLeast, threshold } = rule as Rule;
    const binary = CUES.find((definition) => definition.id === cue)?.binary ?? false;
    const params = {
      cue,
      threshold,
      caught: percent(inSample.hits, inSample.manipulative),
      falseAlarms: percent(inSample.falseAlarms, inSample.genuine),
      dPrime: Math.round(heldOut.dPrime * 100) / 100,
    };
    const direction = binary ? (flagAtLeast ? 'Has' : 'Lacks') : flagAtLeast ? 'AtLeast' : 'Below';
    if (inSample.falseAlarms === 0) return { key: `cues.finding.noGenuine${direction}`, params };
    return { key: `cues.finding.flags${direction}`, params };
  });
}

/** A finding in words; t looks up the workshop namespace (the cue's name too). */
export function findingText(
  t: (key: string, params?: Record<string, unknown>) => string,
  finding: Finding,
): string {
  return t(finding.key, { ...finding.params, cue: t(`cues.cue.${finding.params.cue}`) });
}
