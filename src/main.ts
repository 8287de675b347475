/**
 * Wires the services, then starts Phaser. Phaser runs without audio (Howler owns the
 * one AudioContext) and without input of its own: the accessible layer takes all input.
 * The jobs live beside it in src/app/: saved preferences, global shortcuts, the first
 * scene, unexpected errors; the campaign's loading in services/campaign.ts.
 */
// First, before Phaser evaluates: ?level= starts loading its levels at once.
import './preload';
import Phaser from 'phaser';
import { version } from '../package.json';
import { AccessibleLayer } from './a11y/layer';
import {
  listenForUnexpectedErrors,
  reportUnexpectedError,
  showUnexpectedErrorsWith,
} from './app/errors';
import { nextTask } from './app/next-task';
import { applySavedPreferences } from './app/preferences';
import { addScenes, openFirstScene, opensWithTitle, type Route } from './app/routing';
import { listenForGlobalShortcuts } from './app/shortcuts';
import { seedFromText } from './core/random';
import type { GameContext } from './scenes/context';
import { recordEntry, showEntry } from './scenes/navigation';
import { type AudioService, createHowlerAudio, createSilentAudio } from './services/audio';
import { openCampaign } from './services/campaign';
import { createTranslator, pickLanguage } from './services/i18n';
import { lmsLaunchFrom } from './services/lms/launch';
import { registerOffline } from './services/offline';
import { PlaySessions } from './services/play-session';
import { preferenceText, readPreference } from './services/preferences';
import { openProgressStore } from './services/progress-store';
import { openResumeStore } from './services/resume-store';
import { browserStore, type KeyValueStore } from './services/storage';
import { ErrorScreen } from './ui/error-screen';
import { useLeanTint } from './ui/lean-tint';
import { redrawOnlyOnChange } from './ui/redraw-on-change';
import { oneTextureUnitWhenSoftware, rendererFor } from './ui/software-rendering';
import { APP } from './ui/theme';
import './style.css';

async function start(): Promise<void> {
  // The modules' evaluation is one long task already; the game starts in the next.
  await nextTask();
  const params = new URLSearchParams(location.search);
  const store = browserStore();
  applySavedPreferences(store);
  const layer = new AccessibleLayer(
    document.getElementById('overlay') as HTMLElement,
    document.getElementById('announcer') as HTMLElement,
  );
  const translator = await createTranslator(
    pickLanguage(params.get('lang'), readPreference(store, 'language'), navigator.languages ?? []),
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

  let firstFrame = (): void => {};
  const firstFrameDrawn = new Promise<void>((resolve) => {
    firstFrame = resolve;
  });
  // The title needs no levels, so Phaser boots while they load (see services/campaign.ts).
  const campaign = openCampaign(translator, {
    search: location.search,
    loadAfter: firstFrameDrawn,
  });
  // Scenes that need the levels show the failure (see BaseScene); the console gets it too.
  campaign.contentReady.catch((error: unknown) => console.error(error));

  const audio = startAudio(store, firstFrameDrawn);
  document.addEventListener('visibilitychange', () => audio.onHiddenChange(document.hidden));
  listenForGlobalShortcuts(layer, translator, audio, store);

  const seedParam = params.get('seed');
  const context: GameContext = {
    translator,
    get content() {
      return campaign.content;
    },
    hasContent: campaign.hasContent,
    contentReady: campaign.contentReady,
    levelContent: campaign.levelContent,
    levelReady: campaign.levelReady,
    progress: openProgressStore(store),
    resume: openResumeStore(store),
    mode: readPreference(store, 'mode'),
    allUnlocked: false,
    sessionSetup: null,
    audio,
    layer,
    store,
    fixedSeed: seedParam === null ? null : seedFromText(seedParam),
    sessions: new PlaySessions(() => context),
    get play() {
      return this.sessions.play;
    },
    workshop: null,
  };

  // Launched by a learning platform: its reporter (a chunk of its own) connects before the level opens.
  const lms = lmsLaunchFrom(params);
  const lmsReady = lms
    ? import('./services/lms/reporter').then(({ connectLms }) => connectLms(lms, context))
    : Promise.resolve();

  // Phaser boots within its constructor (the page has loaded): a task of its own, so
  // neither this setup nor the boot makes one long task that blocks input.
  await nextTask();
  const game = new Phaser.Game({
    type: rendererFor(params.get('renderer')),
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
    // Frames cheaper on software renderers; before the loop starts, which keeps the step it is given.
    callbacks: {
      postBoot: (booted) => {
        useLeanTint(booted);
        oneTextureUnitWhenSoftware(booted);
        redrawOnlyOnChange(booted);
      },
    },
  });
  game.registry.set('context', context);
  const route: Route = {
    campaign,
    workshopCode: params.get('workshop'),
    draftId: params.get('draft'),
    firstFrameDrawn,
    levelMayOpen: lmsReady.catch(reportUnexpectedError),
  };
  // The game's first frame; with the title, the first that shows it (the title is built
  // in a task after Phaser's boot, and an empty frame may come before it).
  const titleFirst = opensWithTitle(route);
  const onRender = () => {
    if (titleFirst && game.scene.getScenes(true).length === 0) return;
    game.events.off(Phaser.Core.Events.POST_RENDER, onRender);
    firstFrame();
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, onRender);
  addScenes(game, route);
  openFirstScene(game, context, route);

  const errorScreen = new ErrorScreen(
    () => translator.t,
    { version, scenes: () => game.scene.getScenes(true).map((scene) => scene.sys.settings.key) },
    () => {
      context.sessions.endPlay();
      recordEntry({ scene: 'title' });
      showEntry(game, { scene: 'title' });
    },
  );
  showUnexpectedErrorsWith((error) => errorScreen.show(error));
  registerOffline({ game, translator, layer, after: campaign.contentReady });
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
    // A read-only handle for tests to compare what the page shows with what the core computes.
    (window as unknown as { __ftf: unknown }).__ftf = { context, game };
  }
}

/** Howler where audio can start, else silence; the settings are saved either way. */
function startAudio(store: KeyValueStore, loadAfter: Promise<void>): AudioService {
  const storage = preferenceText(store, 'audio');
  try {
    return createHowlerAudio({ storage, loadAfter });
  } catch {
    return createSilentAudio();
  }
}

listenForUnexpectedErrors();
start().catch(reportUnexpectedError);
