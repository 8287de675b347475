import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import sfxJson from '../../assets/audio/sfx.json';
import {
  type AudioAssets,
  type AudioService,
  createHowlerAudio,
  createSilentAudio,
  SOUND_NAMES,
  toSpriteMap,
} from '../../src/services/audio';
import { AUDIO_ASSETS } from '../../src/services/audio-assets';
import {
  audibleVolume,
  DEFAULT_AUDIO_SETTINGS,
  parseAudioSettings,
  type SettingsStorage,
  serializeAudioSettings,
} from '../../src/services/audio-settings';
import type { HowlerBoundary, HowlHandle, HowlSpec } from '../../src/services/howler-boundary';

// ---------------------------------------------------------------- fakes

/** A Howl that records what it was asked and lets the test fire Howler's callbacks. */
class FakeHowl implements HowlHandle {
  readonly calls: string[] = [];
  vol: number;
  loadState: 'unloaded' | 'loading' | 'loaded' = 'loading';
  /** Sound id -> playing? (a paused sound stays in the map as false) */
  readonly sounds = new Map<number, boolean>();
  private nextId = 1;

  constructor(readonly spec: HowlSpec) {
    this.vol = spec.volume;
  }

  play(spriteOrId?: string | number): number {
    this.calls.push(`play ${spriteOrId ?? ''}`.trim());
    if (typeof spriteOrId === 'number' && this.sounds.has(spriteOrId)) {
      this.sounds.set(spriteOrId, true);
      return spriteOrId;
    }
    const id = this.nextId++;
    this.sounds.set(id, true);
    return id;
  }
  pause(id?: number): void {
    this.calls.push(`pause ${id ?? ''}`.trim());
    if (id !== undefined) this.sounds.set(id, false);
  }
  stop(id?: number): void {
    this.calls.push(`stop ${id ?? ''}`.trim());
    if (id === undefined) this.sounds.clear();
    else this.sounds.delete(id);
  }
  volume(value: number): void {
    this.vol = value;
  }
  state() {
    return this.loadState;
  }
  unload(): void {
    this.calls.push('unload');
    this.loadState = 'unloaded';
  }

  isPlaying(): boolean {
    return [...this.sounds.values()].some(Boolean);
  }
  load(): void {
    this.loadState = 'loaded';
    this.spec.onload();
  }
  failLoad(): void {
    this.spec.onloaderror(null, 'Decoding audio data failed.');
  }
  failPlay(id = 1): void {
    this.spec.onplayerror(id, 'Playback was unable to start.');
  }
}

/** Howler's globals: master volume and mute, which the fake applies like the real gain node. */
class FakeHowler implements HowlerBoundary {
  readonly howls: FakeHowl[] = [];
  master = 1;
  muted = false;
  usable = true;
  onCreate: ((howl: FakeHowl) => void) | undefined;
  /** Whether Howler's chunk is here; a test that starts without it calls `arrive()`. */
  here = true;
  loads = 0;
  private arrived: () => void = () => {};
  private arriving: Promise<void> | null = null;

  load(): Promise<void> {
    this.loads++;
    if (this.here) return Promise.resolve();
    this.arriving ??= new Promise((resolve) => {
      this.arrived = resolve;
    });
    return this.arriving;
  }
  loaded(): boolean {
    return this.here;
  }
  arrive(): void {
    this.here = true;
    this.arrived();
  }

  createHowl(spec: HowlSpec): FakeHowl {
    const howl = new FakeHowl(spec);
    this.howls.push(howl);
    this.onCreate?.(howl);
    return howl;
  }
  setMasterVolume(value: number): void {
    this.master = value;
  }
  setMuted(muted: boolean): void {
    this.muted = muted;
  }
  available(): boolean {
    return this.usable;
  }

  get effects(): FakeHowl {
    const howl = this.howls.find((h) => h.spec.sprite !== undefined);
    if (!howl) throw new Error('no effects Howl');
    return howl;
  }
  get music(): FakeHowl {
    const howl = this.howls.find((h) => h.spec.loop);
    if (!howl) throw new Error('no music Howl');
    return howl;
  }
  /** What the speaker gets from a Howl: master x the Howl's volume, 0 when muted. */
  heard(howl: FakeHowl): number {
    return this.muted ? 0 : this.master * howl.vol;
  }
}

function memoryStorage(text: string | null = null): SettingsStorage & { text: string | null } {
  return {
    text,
    load() {
      return this.text;
    },
    save(next) {
      this.text = next;
    },
  };
}

const ASSETS: AudioAssets = {
  effects: { src: ['sfx.webm', 'sfx.mp3'], format: ['webm', 'mp3'], sprite: sfxJson },
  music: { src: ['music.webm', 'music.mp3'], format: ['webm', 'mp3'] },
};

interface Rig {
  audio: AudioService;
  howler: FakeHowler;
  gesture: () => void;
}

/** A service on fakes; `gesture()` plays the part of the player's first click. */
function rig(storage: SettingsStorage = memoryStorage(), howler = new FakeHowler()): Rig {
  let start = () => {};
  const audio = createHowlerAudio({
    assets: ASSETS,
    storage,
    howler,
    waitForGesture: (begin) => {
      start = begin;
      return () => {
        start = () => {};
      };
    },
  });
  return { audio, howler, gesture: () => start() };
}

/** A started service with both files loaded. */
function ready(storage: SettingsStorage = memoryStorage()): Rig {
  const r = rig(storage);
  r.gesture();
  r.howler.effects.load();
  r.howler.music.load();
  return r;
}

// Nothing here may reach the console: audio trouble is not the player's problem.
let consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
beforeEach(() => {
  consoleSpies = (['error', 'warn', 'log'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(() => {}),
  );
});
afterEach(() => {
  for (const spy of consoleSpies) {
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  }
});

// ---------------------------------------------------------------- settings

describe('parseAudioSettings', () => {
  it('gives the defaults for nothing, garbage and non-objects', () => {
    for (const text of [null, undefined, '', 'not json', '{', '[]', '42', 'null', '"x"']) {
      expect(parseAudioSettings(text)).toEqual(DEFAULT_AUDIO_SETTINGS);
    }
  });

  it('falls back per field, keeping the good ones', () => {
    expect(parseAudioSettings('{"music":0.2,"master":"loud","muted":1}')).toEqual({
      ...DEFAULT_AUDIO_SETTINGS,
      music: 0.2,
    });
    expect(parseAudioSettings('{"muted":true,"effects":null}')).toEqual({
      ...DEFAULT_AUDIO_SETTINGS,
      muted: true,
    });
  });

  it('clamps volumes into 0..1 and ignores inherited keys', () => {
    expect(parseAudioSettings('{"master":7,"music":-1,"effects":1e400}')).toEqual({
      ...DEFAULT_AUDIO_SETTINGS,
      master: 1,
      music: 0,
    });
    expect(parseAudioSettings('{"__proto__":{"muted":true}}').muted).toBe(false);
  });

  it('round-trips through serializeAudioSettings', () => {
    const settings = { master: 0.3, music: 0, effects: 1, muted: true };
    expect(parseAudioSettings(serializeAudioSettings(settings))).toEqual(settings);
  });
});

describe('the committed sprite map', () => {
  it('has every sound, in order, without overlaps', () => {
    const map = toSpriteMap(sfxJson);
    expect(Object.keys(map)).toEqual([...SOUND_NAMES]);
    let end = 0;
    for (const name of SOUND_NAMES) {
      const [start, duration] = map[name] ?? [0, 0];
      expect(start).toBeGreaterThan(end);
      expect(duration).toBeGreaterThan(0);
      end = start + duration;
    }
    expect(AUDIO_ASSETS.effects.sprite).toEqual(sfxJson);
  });

  it('drops malformed entries only', () => {
    expect(toSpriteMap({ open: [0, 10], flag: [1], pass: ['a', 2], wrong: [5, 0] })).toEqual({
      open: [0, 10],
    });
    expect(toSpriteMap(null)).toEqual({});
  });
});

// ---------------------------------------------------------------- the Howler service

describe('createHowlerAudio', () => {
  it('touches Howler only after the first gesture, then starts wanted music', () => {
    const { audio, howler, gesture } = rig();
    audio.play('button');
    audio.startMusic();
    audio.setVolume('master', 0.5);
    expect(howler.howls).toHaveLength(0);
    expect(audio.getStatus()).toBe('waiting');

    gesture();
    expect(audio.getStatus()).toBe('on');
    expect(howler.master).toBe(0.5);
    expect(howler.music.spec).toMatchObject({ loop: true, html5: false, src: ASSETS.music.src });
    expect(howler.effects.spec).toMatchObject({ loop: false, html5: false });
    expect(howler.effects.spec.sprite).toEqual(toSpriteMap(sfxJson));
    expect(howler.music.calls).toEqual(['play']); // queued by Howler until loaded
    expect(howler.effects.calls).toEqual([]); // the pre-gesture click is not played late

    gesture(); // a second gesture changes nothing
    expect(howler.howls).toHaveLength(2);
  });

  it('fetches Howler once the title is drawn, not before, and starts in the gesture', async () => {
    const howler = new FakeHowler();
    let drawn = () => {};
    const titleDrawn = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    let gesture = () => {};
    const audio = createHowlerAudio({
      assets: ASSETS,
      howler,
      loadAfter: titleDrawn,
      waitForGesture: (begin) => {
        gesture = begin;
        return () => {};
      },
    });
    await Promise.resolve();
    expect(howler.loads).toBe(0);
    drawn();
    await vi.waitFor(() => expect(howler.loads).toBe(1));
    gesture();
    expect(audio.getStatus()).toBe('on');
  });

  it('a gesture before Howler has arrived: sound starts as it arrives, with the music wanted', async () => {
    const howler = new FakeHowler();
    howler.here = false;
    const { audio, gesture } = rig(memoryStorage(), howler);
    audio.startMusic();
    gesture();
    expect(audio.getStatus()).toBe('waiting');
    expect(howler.howls).toHaveLength(0);
    howler.arrive();
    await vi.waitFor(() => expect(audio.getStatus()).toBe('on'));
    expect(howler.music.calls).toEqual(['play']);
  });

  it('stays silent when Howler never arrives, and when disposed while it was on its way', async () => {
    const absent = new FakeHowler();
    absent.here = false;
    absent.usable = false;
    const missing = rig(memoryStorage(), absent);
    missing.gesture();
    absent.arrive();
    await vi.waitFor(() => expect(missing.audio.getStatus()).toBe('silent'));

    const late = new FakeHowler();
    late.here = false;
    const disposed = rig(memoryStorage(), late);
    disposed.gesture();
    disposed.audio.dispose();
    late.arrive();
    await Promise.resolve();
    await Promise.resolve();
    expect(disposed.audio.getStatus()).toBe('silent');
    expect(late.howls).toHaveLength(0);
  });

  it('plays effects by sprite name once loaded, never before', () => {
    const { audio, howler, gesture } = rig();
    gesture();
    audio.play('flag');
    expect(howler.effects.calls).toEqual([]);
    howler.effects.load();
    audio.play('flag');
    audio.play('levelComplete');
    expect(howler.effects.calls).toEqual(['play flag', 'play levelComplete']);
  });

  it('multiplies master by the channel: master through Howler, channels on their Howl', () => {
    const { audio, howler } = ready();
    audio.setVolume('master', 0.5);
    audio.setVolume('effects', 0.6);
    audio.setVolume('music', 0.2);
    expect(howler.master).toBe(0.5);
    expect(howler.effects.vol).toBe(0.6);
    expect(howler.music.vol).toBe(0.2);
    expect(howler.heard(howler.effects)).toBeCloseTo(0.3);
    expect(howler.heard(howler.music)).toBeCloseTo(0.1);
    expect(audibleVolume(audio.getSettings(), 'effects')).toBeCloseTo(0.3);
    expect(audibleVolume(audio.getSettings(), 'music')).toBeCloseTo(0.1);
    expect(audio.getVolumes()).toEqual({ master: 0.5, music: 0.2, effects: 0.6 });
  });

  it('clamps volumes and ignores values that are not numbers', () => {
    const { audio, howler } = ready();
    audio.setVolume('effects', 2);
    audio.setVolume('music', -3);
    audio.setVolume('master', Number.NaN);
    expect(audio.getVolumes()).toEqual({
      master: DEFAULT_AUDIO_SETTINGS.master,
      music: 0,
      effects: 1,
    });
    expect(howler.effects.vol).toBe(1);
    expect(howler.master).toBe(DEFAULT_AUDIO_SETTINGS.master);
  });

  it('applies saved volumes to new Howls', () => {
    const storage = memoryStorage('{"master":0.4,"music":0.25,"effects":0.5,"muted":true}');
    const { howler } = ready(storage);
    expect(howler.master).toBe(0.4);
    expect(howler.muted).toBe(true);
    expect(howler.music.vol).toBe(0.25);
    expect(howler.effects.vol).toBe(0.5);
  });

  it('mutes and unmutes through Howler, keeping the volumes', () => {
    const { audio, howler } = ready();
    audio.setVolume('effects', 0.6);
    expect(audio.toggleMute()).toBe(true);
    expect(audio.isMuted()).toBe(true);
    expect(howler.muted).toBe(true);
    expect(howler.heard(howler.effects)).toBe(0);
    audio.play('correct'); // nothing to hear, so nothing is played
    expect(howler.effects.calls).toEqual([]);

    audio.setMuted(false);
    expect(audio.isMuted()).toBe(false);
    expect(howler.muted).toBe(false);
    expect(howler.heard(howler.effects)).toBeCloseTo(DEFAULT_AUDIO_SETTINGS.master * 0.6);
    audio.play('correct');
    expect(howler.effects.calls).toEqual(['play correct']);
  });

  it('persists settings through the storage port, and reads them back', () => {
    const storage = memoryStorage();
    const first = rig(storage).audio;
    first.setVolume('master', 0.3);
    first.setVolume('music', 0.1);
    first.setVolume('effects', 0.9);
    first.toggleMute();
    expect(JSON.parse(storage.text ?? '')).toEqual({
      master: 0.3,
      music: 0.1,
      effects: 0.9,
      muted: true,
    });
    const second = rig(storage).audio;
    expect(second.getSettings()).toEqual({ master: 0.3, music: 0.1, effects: 0.9, muted: true });
  });

  it('starts from defaults when the saved text is corrupt, and survives a broken storage', () => {
    expect(rig(memoryStorage('{"master":0.3')).audio.getSettings()).toEqual(DEFAULT_AUDIO_SETTINGS);
    const broken: SettingsStorage = {
      load() {
        throw new Error('SecurityError');
      },
      save() {
        throw new Error('QuotaExceededError');
      },
    };
    const { audio } = rig(broken);
    expect(audio.getSettings()).toEqual(DEFAULT_AUDIO_SETTINGS);
    expect(() => audio.setVolume('music', 0.2)).not.toThrow();
    expect(audio.getVolumes().music).toBe(0.2);
  });

  describe('falls back to silence', () => {
    it('when the effects fail to load: effects are silent, music carries on', () => {
      const { audio, howler, gesture } = rig();
      gesture();
      const fx = howler.effects;
      fx.failLoad();
      expect(fx.calls).toContain('unload');
      expect(() => audio.play('open')).not.toThrow();
      expect(fx.calls).not.toContain('play open');
      expect(audio.getStatus()).toBe('on');
      audio.startMusic();
      expect(howler.music.isPlaying()).toBe(true);
    });

    it('when both files fail to load', () => {
      const { audio, howler, gesture } = rig();
      gesture();
      audio.startMusic();
      howler.music.failLoad();
      howler.effects.failLoad();
      expect(audio.getStatus()).toBe('silent');
      for (const call of [
        () => audio.play('wrong'),
        () => audio.startMusic(),
        () => audio.stopMusic(),
        () => audio.setVolume('music', 0.1),
        () => audio.toggleMute(),
        () => audio.onHiddenChange(true),
        () => audio.onHiddenChange(false),
      ]) {
        expect(call).not.toThrow();
      }
      // Settings still work, so a settings screen behaves the same.
      expect(audio.getVolumes().music).toBe(0.1);
    });

    it('when a load error fires while the Howl is being created', () => {
      const howler = new FakeHowler();
      howler.onCreate = (howl) => howl.failLoad();
      const { audio, gesture } = rig(memoryStorage(), howler);
      gesture();
      expect(audio.getStatus()).toBe('silent');
      expect(howler.howls.every((h) => h.calls.includes('unload'))).toBe(true);
    });

    it('when there is no audio at all, or Howler throws', () => {
      const none = new FakeHowler();
      none.usable = false;
      const a = rig(memoryStorage(), none);
      a.gesture();
      expect(a.audio.getStatus()).toBe('silent');
      expect(none.howls).toHaveLength(0);

      const throwing = new FakeHowler();
      throwing.createHowl = () => {
        throw new Error('The AudioContext could not be created');
      };
      const b = rig(memoryStorage(), throwing);
      expect(() => b.gesture()).not.toThrow();
      expect(b.audio.getStatus()).toBe('silent');
      expect(() => b.audio.play('open')).not.toThrow();
    });

    it('when playing throws', () => {
      const { audio, howler } = ready();
      howler.effects.play = () => {
        throw new Error('InvalidStateError');
      };
      expect(() => audio.play('open')).not.toThrow();
      expect(audio.getStatus()).toBe('silent');
    });

    it('retries refused music, and gives it up after repeated refusals', () => {
      const { audio, howler } = ready();
      audio.startMusic();
      howler.music.failPlay();
      audio.startMusic(); // tries again
      expect(howler.music.calls.filter((c) => c === 'play')).toHaveLength(2);
      howler.music.failPlay();
      howler.music.failPlay();
      expect(howler.music.calls).toContain('unload');
      expect(() => audio.startMusic()).not.toThrow();
      expect(audio.getStatus()).toBe('on'); // effects still work
      audio.play('streak');
      expect(howler.effects.calls).toEqual(['play streak']);
    });
  });

  describe('music and tab visibility', () => {
    it('pauses while hidden and resumes the same sound when visible', () => {
      const { audio, howler } = ready();
      audio.startMusic();
      audio.startMusic(); // already playing: no second copy
      expect(howler.music.calls).toEqual(['play']);
      audio.onHiddenChange(true);
      expect(howler.music.calls).toEqual(['play', 'pause 1']);
      expect(howler.music.isPlaying()).toBe(false);
      audio.onHiddenChange(false);
      expect(howler.music.calls).toEqual(['play', 'pause 1', 'play 1']);
      expect(howler.music.isPlaying()).toBe(true);
    });

    it('does not start music on visible if it was not playing', () => {
      const { audio, howler } = ready();
      audio.onHiddenChange(true);
      audio.onHiddenChange(false);
      expect(howler.music.calls).toEqual([]);

      audio.startMusic();
      audio.stopMusic();
      audio.onHiddenChange(true);
      audio.onHiddenChange(false);
      expect(howler.music.calls).toEqual(['play', 'stop 1']);
      expect(howler.music.isPlaying()).toBe(false);
    });

    it('stopping while hidden means no resume; starting while hidden waits for visible', () => {
      const { audio, howler } = ready();
      audio.startMusic();
      audio.onHiddenChange(true);
      audio.stopMusic();
      audio.onHiddenChange(false);
      expect(howler.music.calls).toEqual(['play', 'pause 1', 'stop 1']);

      audio.onHiddenChange(true);
      audio.startMusic();
      expect(howler.music.isPlaying()).toBe(false);
      audio.onHiddenChange(false);
      expect(howler.music.isPlaying()).toBe(true);
    });

    it('drops effects while hidden', () => {
      const { audio, howler } = ready();
      audio.onHiddenChange(true);
      audio.play('open');
      expect(howler.effects.calls).toEqual([]);
    });
  });

  it('dispose stops listening for the gesture and releases the files', () => {
    const a = rig();
    a.audio.dispose();
    a.gesture();
    expect(a.howler.howls).toHaveLength(0);
    expect(a.audio.getStatus()).toBe('silent');

    const b = ready();
    b.audio.startMusic();
    b.audio.dispose();
    expect(b.howler.music.calls).toContain('unload');
    expect(b.howler.effects.calls).toContain('unload');
  });
});

// ---------------------------------------------------------------- the silent service

describe('createSilentAudio', () => {
  it('never throws, plays nothing, and still keeps (and saves) settings', () => {
    const storage = memoryStorage('garbage');
    const audio = createSilentAudio({ storage });
    expect(audio.getStatus()).toBe('silent');
    for (const name of SOUND_NAMES) expect(() => audio.play(name)).not.toThrow();
    expect(() => {
      audio.startMusic();
      audio.onHiddenChange(true);
      audio.onHiddenChange(false);
      audio.stopMusic();
      audio.setVolume('effects', Number.POSITIVE_INFINITY);
      audio.dispose();
    }).not.toThrow();
    audio.setVolume('effects', 0.4);
    expect(audio.toggleMute()).toBe(true);
    expect(audio.isMuted()).toBe(true);
    expect(parseAudioSettings(storage.text)).toEqual({
      ...DEFAULT_AUDIO_SETTINGS,
      effects: 0.4,
      muted: true,
    });
  });

  it('works without any storage', () => {
    const audio = createSilentAudio();
    expect(audio.getSettings()).toEqual(DEFAULT_AUDIO_SETTINGS);
    audio.setMuted(true);
    expect(audio.isMuted()).toBe(true);
  });
});
