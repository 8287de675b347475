// The game's sound: one AudioService interface, a Howler implementation and a silent one.
//
// Volumes: master goes through Howler's global volume (one gain node for everything), the
// channel volumes are set on their Howl, so what a player hears is master x channel
// (`audibleVolume`). Mute uses Howler's global mute, which keeps every volume as it was.
//
// Nothing touches Howler before the first user gesture: creating a Howl, or even calling
// Howler.volume(), creates the AudioContext, and a context made before a gesture starts
// suspended and makes Chrome log a warning. So the Howls are made inside the first gesture
// (or as Howler's chunk arrives, should the gesture come first: Howler resumes a suspended
// context at the next one); effects asked for before then are dropped and music asked for
// is started then.
//
// Whatever goes wrong (no audio device, a file that fails to load or decode, playback
// refused), the service falls back to silence: it never throws and never logs.
import { AUDIO_ASSETS } from './audio-assets';
import {
  type AudioSettings,
  type AudioVolumes,
  audibleVolume,
  field,
  type SettingsStorage,
  SettingsStore,
  type VolumeChannel,
} from './audio-settings';
import {
  firstGesture,
  type HowlerBoundary,
  type HowlHandle,
  type HowlSpec,
  howlerBoundary,
  type SpriteMap,
} from './howler-boundary';

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
  /** Howler is fetched once this resolves (the title's first frame), or at the first gesture. */
  loadAfter?: Promise<unknown>;
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

  void options.loadAfter?.then(() => howler.load());
  // Within the gesture when Howler is here (it almost always is by then), else as it arrives.
  const begin = () => (howler.loaded() ? start() : void howler.load().then(start));
  const stopWaiting = (options.waitForGesture ?? firstGesture)(begin);

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
