// The game's sound: one AudioService interface, a Howler implementation and a silent one.
//
// Volumes: master goes through Howler's global volume (one gain node for everything), the
// channel volumes are set on their Howl, so what a player hears is master x channel
// (`audibleVolume`). Mute uses Howler's global mute, which keeps every volume as it was.
//
// Nothing touches Howler before the first user gesture: creating a Howl, or even calling
// Howler.volume(), creates the AudioContext, and a context made before a gesture starts
// suspended and makes Chrome log a warning. So the Howls are made inside the first gesture;
// effects asked for before then are dropped and music asked for is started then.
//
// Whatever goes wrong (no audio device, a file that fails to load or decode, playback
// refused), the service falls back to silence: it never throws and never logs.
import { Howl, Howler } from 'howler';
import { AUDIO_ASSETS } from './audio-assets';

export type SoundName =
  | 'open'
  | 'flag'
  | 'pass'
  | 'correct'
  | 'wrong'
  | 'streak'
  | 'levelComplete'
  | 'button';

export const SOUND_NAMES: readonly SoundName[] = [
  'open',
  'flag',
  'pass',
  'correct',
  'wrong',
  'streak',
  'levelComplete',
  'button',
];

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

/**
 * 'waiting': no user gesture yet, so nothing has been created or played.
 * 'on': Howler is set up (individual files may still be loading).
 * 'silent': audio is unavailable or failed; every call is a quiet no-op.
 */
export type AudioStatus = 'waiting' | 'on' | 'silent';

export interface AudioService {
  /** Plays an effect now, or not at all (never late: dropped before the gesture or load). */
  play(name: SoundName): void;
  /** Starts the music loop (after the first gesture, if that has not happened yet). */
  startMusic(): void;
  stopMusic(): void;
  /** Values are clamped to 0..1; a non-number is ignored. Saved at once. */
  setVolume(channel: VolumeChannel, value: number): void;
  getVolumes(): AudioVolumes;
  setMuted(muted: boolean): void;
  isMuted(): boolean;
  /** Returns the new muted state. */
  toggleMute(): boolean;
  /** Pauses the music while the tab is hidden; resumes it only if it was playing. */
  onHiddenChange(hidden: boolean): void;
  getSettings(): AudioSettings;
  getStatus(): AudioStatus;
  /** Stops everything, releases the files and gesture listeners. */
  dispose(): void;
}

// ---------------------------------------------------------------- settings

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

function field(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function volumeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp01(value) : fallback;
}

/** Never throws: anything missing, mistyped or unparsable falls back to the default, per field. */
export function parseAudioSettings(text: string | null | undefined): AudioSettings {
  let raw: unknown = null;
  if (typeof text === 'string') {
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
  }
  const record =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
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

/** A storage port on localStorage; private browsing or a full quota just means no saving. */
export function localStorageSettings(key = 'flag-the-feed.audio'): SettingsStorage {
  return {
    load() {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    save(text) {
      try {
        globalThis.localStorage?.setItem(key, text);
      } catch {
        // Not saved; the settings still apply for this visit.
      }
    },
  };
}

/** Settings in memory, loaded once and saved on every change; storage failures are ignored. */
class SettingsStore {
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
      // See localStorageSettings: not saving is not an error worth surfacing.
    }
  }
}

// ---------------------------------------------------------------- the Howler boundary

/** The Howl methods the service uses; a test fake implements just these. */
export interface HowlHandle {
  play(spriteOrId?: string | number): number;
  pause(id?: number): void;
  stop(id?: number): void;
  volume(value: number): void;
  state(): 'unloaded' | 'loading' | 'loaded';
  unload(): void;
}

export type SpriteMap = Record<string, [number, number]>;

/** The Howl options the service passes (a subset of Howler's HowlOptions). */
export interface HowlSpec {
  src: string[];
  format?: string[];
  sprite?: SpriteMap;
  loop: boolean;
  /** Always false: Web Audio, so there is one context, one unlock and gapless loops. */
  html5: false;
  volume: number;
  onload: () => void;
  onloaderror: (id: number | null, error: unknown) => void;
  onplayerror: (id: number, error: unknown) => void;
}

export interface HowlerBoundary {
  createHowl(spec: HowlSpec): HowlHandle;
  setMasterVolume(value: number): void;
  setMuted(muted: boolean): void;
  /** False when the browser has no audio at all. */
  available(): boolean;
}

/** The real thing. Only touched after the first gesture (see the top of this file). */
export const howlerBoundary: HowlerBoundary = {
  createHowl(spec) {
    const howl = new Howl({ ...spec, preload: true });
    return {
      play: (spriteOrId) => howl.play(spriteOrId),
      pause: (id) => {
        howl.pause(id);
      },
      stop: (id) => {
        howl.stop(id);
      },
      volume: (value) => {
        howl.volume(value);
      },
      state: () => howl.state(),
      unload: () => {
        howl.unload();
      },
    };
  },
  setMasterVolume(value) {
    Howler.volume(value);
  },
  setMuted(muted) {
    Howler.mute(muted);
  },
  available: () => !Howler.noAudio,
};

// ---------------------------------------------------------------- gestures

/**
 * Calls `start` once, on the first event that lets a page start audio (HTML's
 * "activation-triggering" events), and returns a function that stops listening.
 * Captured on window so it runs before the game's own handlers for the same event.
 */
export function firstGesture(start: () => void): () => void {
  const target = typeof window === 'undefined' ? undefined : window;
  if (!target) return () => {};
  const types = ['keydown', 'mousedown', 'pointerup', 'touchend'] as const;
  const options = { capture: true, passive: true };
  const stop = () => {
    for (const type of types) target.removeEventListener(type, handler, options);
  };
  function handler(event: Event): void {
    // Escape does not count as activation, so a context made then would start suspended.
    if (event instanceof KeyboardEvent && event.key === 'Escape') return;
    stop();
    start();
  }
  for (const type of types) target.addEventListener(type, handler, options);
  return stop;
}

// ---------------------------------------------------------------- Howler service

export interface AudioAssets {
  /** The effects sprite: sources (same audio, different codecs) and its sprite map. */
  effects: { src: string[]; format?: string[]; sprite: unknown };
  music: { src: string[]; format?: string[] };
}

export interface HowlerAudioOptions {
  /** Default: the committed files (AUDIO_ASSETS in ./audio-assets). */
  assets?: AudioAssets;
  storage?: SettingsStorage;
  /** Default: the real Howler. */
  howler?: HowlerBoundary;
  /** Default: `firstGesture` on window. Must call `start` at most once. */
  waitForGesture?: (start: () => void) => () => void;
}

/**
 * Keeps the entries that look like [startMs, durationMs] for a known sound; a broken
 * entry only silences that one sound.
 */
export function toSpriteMap(json: unknown): SpriteMap {
  const map: SpriteMap = {};
  if (typeof json !== 'object' || json === null) return map;
  const record = json as Record<string, unknown>;
  for (const name of SOUND_NAMES) {
    const entry = field(record, name);
    if (
      Array.isArray(entry) &&
      entry.length === 2 &&
      entry.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) &&
      entry[1] > 0
    ) {
      map[name] = [entry[0], entry[1]];
    }
  }
  return map;
}

/** Play errors tolerated per Howl before it is given up as silent. */
const MAX_PLAY_ERRORS = 3;

interface Channel {
  howl: HowlHandle | null;
  loaded: boolean;
  failed: boolean;
  playErrors: number;
}

export function createHowlerAudio(options: HowlerAudioOptions = {}): AudioService {
  const store = new SettingsStore(options.storage);
  const howler = options.howler ?? howlerBoundary;
  const assets = options.assets ?? AUDIO_ASSETS;
  const sprite = toSpriteMap(assets.effects.sprite);

  let status: AudioStatus = 'waiting';
  let effects: Channel | null = null;
  let music: Channel | null = null;
  let musicWanted = false; // startMusic() called and not stopped since
  let musicId: number | null = null; // the playing or paused music sound
  let musicPlaying = false;
  let hidden = false;

  function release(channel: Channel | null): void {
    const howl = channel?.howl;
    if (!channel || !howl) return;
    channel.howl = null;
    try {
      howl.stop();
      howl.unload();
    } catch {
      // Already broken; nothing more to release.
    }
  }

  function goSilent(): void {
    status = 'silent';
    release(effects);
    release(music);
    effects = null;
    music = null;
    musicId = null;
    musicPlaying = false;
  }

  /** Forgets failed channels; with none left the whole service is silent. */
  function prune(): void {
    if (status !== 'on') return; // start() prunes once both channels exist
    if (effects?.failed) effects = null;
    if (music?.failed) {
      music = null;
      musicId = null;
      musicPlaying = false;
    }
    if (!effects && !music) goSilent();
  }

  function fail(channel: Channel): void {
    if (channel.failed) return;
    channel.failed = true;
    release(channel);
    prune();
  }

  /** Runs a Howler call; anything it throws turns the whole service silent. */
  function guard(action: () => void): void {
    try {
      action();
    } catch {
      goSilent();
    }
  }

  function makeChannel(
    spec: Omit<HowlSpec, 'html5' | 'onload' | 'onloaderror' | 'onplayerror'>,
    onPlayError: () => void,
  ): Channel {
    // Exists before the Howl, since its callbacks may fire while createHowl still runs.
    const channel: Channel = { howl: null, loaded: false, failed: false, playErrors: 0 };
    const howl = howler.createHowl({
      ...spec,
      html5: false,
      onload: () => {
        channel.loaded = true;
      },
      onloaderror: () => fail(channel),
      onplayerror: () => {
        if (channel.failed) return;
        channel.playErrors += 1;
        if (channel.playErrors >= MAX_PLAY_ERRORS) fail(channel);
        else onPlayError();
      },
    });
    if (channel.failed) {
      // Failed before we held it: release it now.
      channel.howl = howl;
      release(channel);
    } else {
      channel.howl = howl;
      channel.loaded ||= howl.state() === 'loaded';
    }
    return channel;
  }

  function start(): void {
    if (status !== 'waiting') return;
    let fx: Channel | null = null;
    let bg: Channel | null = null;
    try {
      if (!howler.available()) {
        goSilent();
        return;
      }
      const settings = store.get();
      // These create the AudioContext, which is why this runs inside a gesture.
      howler.setMasterVolume(settings.master);
      howler.setMuted(settings.muted);
      const a = assets;
      fx = makeChannel(
        {
          src: a.effects.src,
          format: a.effects.format,
          sprite,
          loop: false,
          volume: settings.effects,
        },
        () => {}, // a refused effect is simply not heard
      );
      bg = makeChannel(
        { src: a.music.src, format: a.music.format, loop: true, volume: settings.music },
        () => {
          // Refused this time; a later startMusic() or return to the tab tries again.
          musicId = null;
          musicPlaying = false;
        },
      );
      effects = fx;
      music = bg;
      status = 'on';
      prune();
      syncMusic();
    } catch {
      effects = fx;
      music = bg;
      goSilent();
    }
  }

  /** Brings the music in line with what is wanted: playing, paused (hidden) or stopped. */
  function syncMusic(): void {
    const howl = music?.howl;
    if (status !== 'on' || !howl) return;
    const shouldPlay = musicWanted && !hidden;
    guard(() => {
      if (shouldPlay && !musicPlaying) {
        // Resuming by id continues where it paused; Howler queues this until loaded.
        musicId = musicId === null ? howl.play() : howl.play(musicId);
        musicPlaying = true;
      } else if (!shouldPlay && musicPlaying && musicWanted) {
        howl.pause(musicId ?? undefined);
        musicPlaying = false;
      } else if (!musicWanted && musicId !== null) {
        // Stopped, whether playing or paused: the next start begins afresh.
        howl.stop(musicId);
        musicId = null;
        musicPlaying = false;
      }
    });
  }

  function setMuted(muted: boolean): void {
    if (!store.setMuted(muted) || status !== 'on') return;
    guard(() => howler.setMuted(muted));
  }

  const stopWaiting = (options.waitForGesture ?? firstGesture)(start);

  return {
    play(name) {
      const howl = effects?.howl;
      if (status !== 'on' || hidden || !howl || !effects?.loaded) return;
      if (!Object.hasOwn(sprite, name) || audibleVolume(store.get(), 'effects') === 0) return;
      guard(() => {
        howl.play(name);
      });
    },
    startMusic() {
      musicWanted = true;
      syncMusic();
    },
    stopMusic() {
      musicWanted = false;
      syncMusic();
    },
    setVolume(channel, value) {
      if (!store.setVolume(channel, value) || status !== 'on') return;
      const next = store.get()[channel];
      guard(() => {
        if (channel === 'master') howler.setMasterVolume(next);
        else if (channel === 'effects') effects?.howl?.volume(next);
        else music?.howl?.volume(next);
      });
    },
    getVolumes: () => store.volumes(),
    setMuted,
    isMuted: () => store.get().muted,
    toggleMute() {
      setMuted(!store.get().muted);
      return store.get().muted;
    },
    onHiddenChange(isHidden) {
      hidden = isHidden;
      syncMusic();
    },
    getSettings: () => store.get(),
    getStatus: () => status,
    dispose() {
      stopWaiting();
      goSilent();
    },
  };
}

// ---------------------------------------------------------------- silent service

export interface SilentAudioOptions {
  /** Settings still load, change and save, so a settings screen works without sound. */
  storage?: SettingsStorage;
}

/** For tests, and for when audio cannot start: the same interface, no sound, no throws. */
export function createSilentAudio(options: SilentAudioOptions = {}): AudioService {
  const store = new SettingsStore(options.storage);
  return {
    play() {},
    startMusic() {},
    stopMusic() {},
    setVolume(channel, value) {
      store.setVolume(channel, value);
    },
    getVolumes: () => store.volumes(),
    setMuted(muted) {
      store.setMuted(muted);
    },
    isMuted: () => store.get().muted,
    toggleMute() {
      const muted = !store.get().muted;
      store.setMuted(muted);
      return muted;
    },
    onHiddenChange() {},
    getSettings: () => store.get(),
    getStatus: () => 'silent',
    dispose() {},
  };
}
