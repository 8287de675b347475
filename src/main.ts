/**
 * Wires the services, then starts Phaser. Phaser runs without audio (Howler owns the
 * one AudioContext) and without input of its own: the accessible layer takes all input.
 */
import Phaser from 'phaser';
import { AccessibleLayer } from './a11y/layer';
import { seedFromText } from './core/random';
import { tacticsForLevel } from './core/taxonomy';
import type { GameContext } from './scenes/context';
import { DebriefScene } from './scenes/debrief-scene';
import { FeedScene } from './scenes/feed-scene';
import { LevelSelectScene } from './scenes/level-select-scene';
import { TitleScene } from './scenes/title-scene';
import { createHowlerAudio, createSilentAudio } from './services/audio';
import { loadContent, lureInfo } from './services/content';
import { createTranslator, pickLanguage, registerTactics } from './services/i18n';
import { openProgressStore } from './services/progress-store';
import { browserStore } from './services/storage';
import { LANGUAGE_KEY } from './ui/settings-panel';
import './style.css';

const AUDIO_SETTINGS_KEY = 'flag-the-feed:audio';

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const store = browserStore();
  const layer = new AccessibleLayer(
    document.getElementById('overlay') as HTMLElement,
    document.getElementById('announcer') as HTMLElement,
  );
  const translator = await createTranslator(
    pickLanguage(params.get('lang'), store.get(LANGUAGE_KEY), navigator.languages ?? []),
  );
  const loading = layer.adopt(document.createElement('p'));
  loading.className = 'overlay-panel';
  loading.style.top = '40%';
  loading.textContent = translator.t('common.loading');

  let content: GameContext['content'];
  try {
    content = await loadContent(translator);
  } catch (error) {
    loading.setAttribute('role', 'alert');
    loading.textContent = translator.t('common.loadFailed', { reason: (error as Error).message });
    console.error(error);
    return;
  }
  loading.remove();
  registerTactics(
    translator,
    tacticsForLevel(content.taxonomy, { tactics: [] }),
    lureInfo(content.taxonomy),
  );
  for (const level of content.levels)
    registerTactics(translator, level.tactics, lureInfo(content.taxonomy));

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

  const seedParam = params.get('seed');
  const context: GameContext = {
    translator,
    content,
    progress: openProgressStore(store),
    audio,
    layer,
    store,
    fixedSeed: seedParam === null ? null : seedFromText(seedParam),
    play: null,
  };

  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent: 'game',
    backgroundColor: '#14161f',
    scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    banner: false,
    scene: [TitleScene, LevelSelectScene, FeedScene, DebriefScene],
  });
  game.registry.set('context', context);

  const levelParam = params.get('level');
  if (levelParam && content.levels.some((level) => level.id === levelParam)) {
    game.events.once(Phaser.Core.Events.READY, () => {
      game.scene.stop('title');
      game.scene.start('feed', { levelId: levelParam });
    });
  }
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
    // A read-only handle for tests to compare what the page shows with what the core computes.
    (window as unknown as { __ftf: unknown }).__ftf = { context, game };
  }
}

window.addEventListener('error', (event) =>
  console.error('Flag the Feed: unexpected error', event.error),
);
void start();
