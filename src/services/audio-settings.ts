/**
 * The player's sound settings: volumes and mute, how they are read back from storage
 * (each field falls back to its default alone) and kept in memory while playing. The
 * storage key lives with the other preferences (preferences.ts).
 */ import { isRecord, readSavedJson } from '../core/saved-json';

export type VolumeChannel = 'master' | 'music' | 'effects';

export interface AudioVolumes {
  master: number;
  music: number;
  effects: number;
}

/** What is persisted. Volumes are 0..1. */
export interface AudioSettings extends AudioVolumes {
  muted: boolean;
}

export const DEFAULT_AUDIO_SETTINGS: Readonly<AudioSettings> = Object.freeze({
  master: 0.8,
  music: 0.5,
  effects: 0.8,
  muted: false,
});

/** Where settings live between visits (localStorage in the game, memory in tests). */
export interface SettingsStorage {
  load(): string | null;
  save(text: string): void;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

export function field(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function volumeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp01(value) : fallback;
}

/** Never throws: anything missing, mistyped or unparsable falls back to the default, per field. */
export function parseAudioSettings(text: string | null | undefined): AudioSettings {
  const saved = readSavedJson(text ?? null);
  const record = saved.status === 'read' && isRecord(saved.value) ? saved.value : {};
  const d = DEFAULT_AUDIO_SETTINGS;
  const muted = field(record, 'muted');
  return {
    master: volumeOr(field(record, 'master'), d.master),
    music: volumeOr(field(record, 'music'), d.music),
    effects: volumeOr(field(record, 'effects'), d.effects),
    muted: typeof muted === 'boolean' ? muted : d.muted,
  };
}

export function serializeAudioSettings(settings: AudioSettings): string {
  const { master, music, effects, muted } = settings;
  return JSON.stringify({ master, music, effects, muted });
}

/** What a channel finally plays at: master x channel, or 0 when muted. */
export function audibleVolume(settings: AudioSettings, channel: 'music' | 'effects'): number {
  return settings.muted ? 0 : settings.master * settings[channel];
}

/** Settings in memory, loaded once and saved on every change; storage failures are ignored. */
export class SettingsStore {
  private current: AudioSettings;

  constructor(private readonly storage: SettingsStorage | undefined) {
    let text: string | null = null;
    try {
      text = storage?.load() ?? null;
    } catch {
      text = null;
    }
    this.current = parseAudioSettings(text);
  }

  get(): AudioSettings {
    return { ...this.current };
  }

  volumes(): AudioVolumes {
    const { master, music, effects } = this.current;
    return { master, music, effects };
  }

  /** Returns false when nothing changed (a non-finite value, or the same value). */
  setVolume(channel: VolumeChannel, value: number): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const next = clamp01(value);
    if (this.current[channel] === next) return false;
    this.current = { ...this.current, [channel]: next };
    this.save();
    return true;
  }

  setMuted(muted: boolean): boolean {
    if (this.current.muted === muted) return false;
    this.current = { ...this.current, muted };
    this.save();
    return true;
  }

  private save(): void {
    try {
      this.storage?.save(serializeAudioSettings(this.current));
    } catch {
      // Not saving is not an error worth surfacing: the settings still apply this visit.
    }
  }
}
