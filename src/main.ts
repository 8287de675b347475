/**
 * Wires the services, then starts Phaser. Phaser runs without audio (Howler owns the
 * one AudioContext) and without input of its own: the accessible layer takes all input.
 */
// First, before Phaser evaluates: ?level= starts loading its levels at once.
import './preload';
import Phaser from 'phaser';
import { version } from '../package.json';
import { AccessibleLayer } from './a11y/layer';
import { seedFromText } from './core/random';
import type { GameContext } from './scenes/context';
import {
  addLazyScene,
  entryFrom,
  recordEntry,
  type SceneEntry,
  sceneReady,
  showEntry,
} from './scenes/navigation';
import { TitleScene } from './scenes/title-scene';
import { createHowlerAudio, createSilentAudio } from './services/audio';
import { loadContent, registerContentTactics } from './services/content';
import { createTranslator, pickLanguage } from './services/i18n';
import { registerOffline } from './services/offline';
import { openProgressStore } from './services/progress-store';
import { openResumeStore } from './services/resume-store';
import { browserStore } from './services/storage';
import {
  CONTRAST_KEY,
  highContrast,
  onDisplayChange,
  parseContrastPreference,
  parseTextScale,
  setDisplayPreferences,
  TEXT_SCALE_KEY,
  watchSystemContrast,
} from './ui/display';
import { ErrorScreen } from './ui/error-screen';
import { openHelp } from './ui/help-panel';
import {
  listenForShortcuts,
  parseShortcutsSetting,
  SHORTCUTS_KEY,
  setGlobalShortcuts,
  setShortcutsEnabled,
} from './ui/keyboard';
import { MOTION_KEY, parseMotionPreference, setMotionPreference } from './ui/motion';
import { LANGUAGE_KEY, MODE_KEY, openSettings, parseModeChoice } from './ui/settings-panel';
import { APP, applyContrast } from './ui/theme';
import './style.css';

const AUDIO_SETTINGS_KEY = 'flag-the-feed:audio';

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const store = browserStore();
  setMotionPreference(parseMotionPreference(store.get(MOTION_KEY)));
  // Before the first scene: it is built in the player's text size and contrast.
  onDisplayChange(() => applyContrast(highContrast()));
  setDisplayPreferences({
    textScale: parseTextScale(store.get(TEXT_SCALE_KEY)),
    contrast: parseContrastPreference(store.get(CONTRAST_KEY)),
  });
  watchSystemContrast();
  const layer = new AccessibleLayer(
    document.getElementById('overlay') as HTMLElement,
    document.getElementById('announcer') as HTMLElement,
  );
  const translator = await createTranslator(
    pickLanguage(params.get('lang'), store.get(LANGUAGE_KEY), navigator.languages ?? []),
  );
  // The trainer's pages, the level editor and the progress transfer are plain DOM in
  // their own chunks; the game never starts on them.
  if (params.has('editor')) {
    await (await import('./editor/page')).showEditor(translator);
    return;
  }
  const page = (['facilitator', 'dashboard', 'progress', 'guide'] as const).find((name) =>
    params.has(name),
  );
  if (page) {
    const { showWorkshopPage } = await import('./workshop/pages');
    await showWorkshopPage(page, translator, store);
    return;
  }
  // Until the first scene clears the layer.
  const loading = layer.adopt(document.createElement('p'));
  loading.className = 'overlay-panel';
  loading.style.top = '40%';
  loading.textContent = translator.t('common.loading');

  // The title needs no levels, so Phaser boots while they load; only ?level= waits for them.
  const levelParam = params.get('level');
  let firstFrame = (): void => {};
  const firstFrameDrawn = new Promise<void>((resolve) => {
    firstFrame = resolve;
  });
  let content: GameContext['content'] | null = null;
  // With ?level=, that level alone (and the taxonomy) arrives first; the feed shows it
  // while the rest of the campaign loads, which reaches the page once the feed is drawn.
  let firstLevel: GameContext['content'] | null = null;
  let feedDrawn = (): void => {};
  const levels = loadContent(translator, {
    first: levelParam,
    validateAfter: levelParam ? undefined : firstFrameDrawn,
    restAfter: new Promise<void>((resolve) => {
      feedDrawn = resolve;
    }),
  });
  const firstReady = levels.first.then(
    (loaded) => {
      if (loaded) registerContentTactics(translator, loaded);
      firstLevel = loaded;
      return loaded;
    },
    () => null,
  );
  const contentReady = levels.all.then((loaded) => {
    registerContentTactics(translator, loaded);
    content = loaded;
    return loaded;
  });
  // Scenes that need the levels show the failure (see BaseScene); the console gets it too.
  contentReady.catch((error: unknown) => console.error(error));
  contentReady.finally(feedDrawn).catch(() => {});
  const levelContent = (levelId: string) =>
    content ?? (firstLevel?.levels.some((level) => level.id === levelId) ? firstLevel : null);

  const audioStorage = {
    load: () => store.get(AUDIO_SETTINGS_KEY),
    save: (text: string) => void store.set(AUDIO_SETTINGS_KEY, text),
  };
  let audio: GameContext['audio'];
  try {
    audio = createHowlerAudio({ storage: audioStorage });
  } catch {
    audio = createSilentAudio();
  }
  document.addEventListener('visibilitychange', () => audio.onHiddenChange(document.hidden));
  // M mutes, ? shows the keys, S opens the settings, from anywhere (see ui/keyboard.ts).
  setGlobalShortcuts({
    mute: () => {
      const muted = audio.toggleMute();
      layer.announce(translator.t(muted ? 'settings.muted' : 'settings.unmuted'));
    },
    help: () => openHelp(layer, translator),
    // Not over another dialog: a language change would rebuild the scene under both.
    settings: () => {
      if (!document.querySelector('dialog[open]'))
        openSettings(layer, translator, audio, store, () => {});
    },
  });
  setShortcutsEnabled(parseShortcutsSetting(store.get(SHORTCUTS_KEY)));
  listenForShortcuts();

  const seedParam = params.get('seed');
  const context: GameContext = {
    translator,
    get content() {
      if (!content) throw new Error('the levels have not loaded yet');
      return content;
    },
    hasContent: () => content !== null,
    contentReady,
    levelContent,
    levelReady: (levelId) =>
      firstReady.then((loaded) =>
        loaded?.levels.some((level) => level.id === levelId) ? loaded : contentReady,
      ),
    progress: openProgressStore(store),
    resume: openResumeStore(store),
    mode: parseModeChoice(store.get(MODE_KEY)),
    allUnlocked: false,
    sessionSetup: null,
    audio,
    layer,
    store,
    fixedSeed: seedParam === null ? null : seedFromText(seedParam),
    play: null,
    workshop: null,
  };

  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: 'game',
    backgroundColor: APP.background,
    // No multisampling of the canvas: the cards are textures (render targets are never
    // multisampled), so it only smoothed a few live edges, and a software-rendered
    // canvas (no GPU, or a blocklisted one) resolved it every frame: see docs/performance.md.
    antialiasGL: false,
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    banner: false,
    scene: [],
  });
  game.registry.set('context', context);
  game.events.once(Phaser.Core.Events.POST_RENDER, () => firstFrame());

  // Only the title is in the JS the page waits for. The other scenes load in chunks of
  // their own: at once with ?level= or ?workshop= (no title then), otherwise after the
  // title's first frame.
  const workshopCode = params.get('workshop');
  const draftId = params.get('draft'); // a level editor draft played in its own tab
  const noTitle = Boolean(levelParam) || workshopCode !== null || draftId !== null;
  game.scene.add('title', TitleScene, !noTitle);
  const codeMayLoad = noTitle ? Promise.resolve() : firstFrameDrawn;
  addLazyScene(game, 'levels', async () => {
    await codeMayLoad;
    return (await import('./scenes/level-select-scene')).LevelSelectScene;
  });
  addLazyScene(game, 'feed', async () => {
    await codeMayLoad;
    return (await import('./scenes/feed-scene')).FeedScene;
  });
  addLazyScene(game, 'debrief', async () => {
    await codeMayLoad;
    return (await import('./scenes/debrief-scene')).DebriefScene;
  });
  const open = (entry: SceneEntry) => {
    recordEntry(entry, true);
    showEntry(game, entry);
  };
  if (workshopCode !== null) {
    import('./workshop/join')
      .then(({ joinWorkshop }) => joinWorkshop(context, workshopCode, open))
      .catch((error: unknown) => reportUnexpectedErrors(error));
  } else if (draftId !== null) {
    import('./editor/play')
      .then(({ playDraft }) => playDraft(context, draftId, open))
      .catch((error: unknown) => reportUnexpectedErrors(error));
  } else if (!levelParam) recordEntry({ scene: 'title' }, true);
  else {
    // The level alone when it came first, else the campaign (which may lack it).
    firstReady
      .then((loaded) => loaded ?? contentReady)
      .then(
        (loaded) => {
          if (!loaded.levels.some((level) => level.id === levelParam)) {
            open({ scene: 'title' });
            return;
          }
          open({ scene: 'feed', data: { levelId: levelParam } });
          // The frame after the feed scene started (its code may still be loading).
          sceneReady('feed').then(() =>
            game.events.once(Phaser.Core.Events.POST_RENDER, feedDrawn),
          );
        },
        () => open({ scene: 'title' }),
      );
  }
  window.addEventListener('popstate', (event) => {
    showEntry(game, entryFrom(event.state) ?? { scene: 'title' });
  });

  const errorScreen = new ErrorScreen(
    () => translator.t,
    { version, scenes: () => game.scene.getScenes(true).map((scene) => scene.sys.settings.key) },
    () => {
      context.play = null;
      recordEntry({ scene: 'title' });
      showEntry(game, { scene: 'title' });
    },
  );
  reportUnexpectedErrors = (error) => errorScreen.show(error);
  registerOffline({ game, translator, layer, after: contentReady });
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
    // A read-only handle for tests to compare what the page shows with what the core computes.
    (window as unknown as { __ftf: unknown }).__ftf = { context, game };
  }
}

/** Until the error screen exists, unexpected errors only reach the console. */
let reportUnexpectedErrors = (error: unknown) =>
  console.error('Flag the Feed: unexpected error', error);

window.addEventListener('error', (event) => {
  // The browser's own benign resize notice carries no error object.
  if (!event.error && /ResizeObserver/.test(event.message)) return;
  reportUnexpectedErrors(event.error ?? event.message);
});
window.addEventListener('unhandledrejection', (event) => reportUnexpectedErrors(event.reason));
start().catch((error: unknown) => reportUnexpectedErrors(error));
