/**
 * The only code that touches Howler, and the first-gesture wait before it may: the
 * audio service (audio.ts) goes through this boundary, which a test replaces with a fake.
 *
 * Howler is a chunk of its own (about 10 kB of gzip), so the title does not wait for
 * code that can make no sound before the player's first gesture anyway.
 */
type HowlerModule = typeof import('howler');

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
  /** Fetches Howler once; resolves either way (`available()` says whether it came). */
  load(): Promise<void>;
  /** Whether `load()` has settled. */
  loaded(): boolean;
  createHowl(spec: HowlSpec): HowlHandle;
  setMasterVolume(value: number): void;
  setMuted(muted: boolean): void;
  /** False when the browser has no audio at all. */
  available(): boolean;
}

let howler: HowlerModule | null = null;
let loading: Promise<void> | null = null;
let settled = false;

/** Howler, once loaded: the service calls nothing else before `load()` settled. */
function loadedHowler(): HowlerModule {
  if (!howler) throw new Error('Howler has not loaded');
  return howler;
}

/** The real thing. Only touched after the first gesture (see the top of this file). */
export const howlerBoundary: HowlerBoundary = {
  load() {
    // A chunk that fails to load leaves the game silent, as no audio device does.
    loading ??= import('howler')
      .then(
        (module) => {
          howler = module;
        },
        () => {},
      )
      .finally(() => {
        settled = true;
      });
    return loading;
  },
  loaded: () => settled,
  createHowl(spec) {
    const howl = new (loadedHowler().Howl)({ ...spec, preload: true });
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
    loadedHowler().Howler.volume(value);
  },
  setMuted(muted) {
    loadedHowler().Howler.mute(muted);
  },
  available: () => howler !== null && !howler.Howler.noAudio,
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
