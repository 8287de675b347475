/**
 * Which scene the page opens with, and the scenes whose code loads later. Only the
 * title is in the JS the page waits for; the other scenes load in chunks of their own:
 * at once with ?level= or ?workshop= (no title then), otherwise after the title's
 * first frame.
 */
import Phaser from 'phaser';
import type { GameContext } from '../scenes/context';
import {
  addLazyScene,
  entryFrom,
  recordEntry,
  SCENE_BUILT,
  type SceneEntry,
  sceneReady,
  showEntry,
} from '../scenes/navigation';
import { TitleScene } from '../scenes/title-scene';
import type { Campaign } from '../services/campaign';
import { holdsLevel } from '../services/campaign';
import { reportUnexpectedError } from './errors';
import { nextTask } from './next-task';

export interface Route {
  campaign: Campaign;
  /** From ?workshop=; null without one. */
  workshopCode: string | null;
  /** From ?draft=: a level editor draft played in its own tab; null without one. */
  draftId: string | null;
  /** The game's first frame. */
  firstFrameDrawn: Promise<void>;
  /** The requested level opens once this settles too (an LMS reporter connecting first). */
  levelMayOpen: Promise<unknown>;
}

/** Whether the page opens with the title: not with ?level=, ?workshop= or ?draft=. */
export function opensWithTitle({
  campaign,
  workshopCode,
  draftId,
}: Pick<Route, 'campaign' | 'workshopCode' | 'draftId'>): boolean {
  return campaign.requested === null && workshopCode === null && draftId === null;
}

export function addScenes(game: Phaser.Game, route: Route) {
  const withTitle = opensWithTitle(route);
  game.scene.add('title', TitleScene, false);
  // Built in a task of its own, not within Phaser's boot: two shorter tasks block less.
  if (withTitle)
    game.events.once(Phaser.Core.Events.READY, () =>
      nextTask().then(() => {
        if (game.scene.getScenes(true).length === 0) game.scene.start('title');
      }),
    );
  const codeMayLoad = withTitle ? route.firstFrameDrawn : Promise.resolve();
  addLazyScene(game, 'levels', async () => {
    await codeMayLoad;
    return (await import('../scenes/level-select-scene')).LevelSelectScene;
  });
  addLazyScene(game, 'feed', async () => {
    await codeMayLoad;
    return (await import('../scenes/feed-scene')).FeedScene;
  });
  addLazyScene(game, 'debrief', async () => {
    await codeMayLoad;
    return (await import('../scenes/debrief-scene')).DebriefScene;
  });
}

/** Opens the first scene: a workshop's join page, the requested level, or the title. */
export function openFirstScene(game: Phaser.Game, context: GameContext, route: Route): void {
  const { campaign, workshopCode, draftId } = route;
  const open = (entry: SceneEntry) => {
    recordEntry(entry, true);
    showEntry(game, entry);
  };
  const level = campaign.requested;
  if (workshopCode !== null) {
    import('../workshop/join')
      .then(({ joinWorkshop }) => joinWorkshop(context, workshopCode, open))
      .catch(reportUnexpectedError);
  } else if (draftId !== null) {
    import('../editor/play')
      .then(({ playDraft }) => playDraft(context, draftId, open))
      .catch(reportUnexpectedError);
  } else if (level === null) recordEntry({ scene: 'title' }, true);
  else {
    // The level alone when it came first, else the campaign (which may lack it).
    Promise.all([campaign.levelReady(level), route.levelMayOpen]).then(
      () => {
        if (!holdsLevel(campaign.levelContent(level), level)) {
          open({ scene: 'title' });
          return;
        }
        open({ scene: 'feed', data: { levelId: level } });
        // The frame that shows the feed, or the feed closing first (its room failed to
        // load): taking in the rest of the campaign is a long task not to run before it.
        sceneReady('feed').then(() => {
          const feed = game.scene.getScene('feed');
          const letRestIn = () => campaign.letRestIn();
          feed.events.once(SCENE_BUILT, () =>
            game.events.once(Phaser.Core.Events.POST_RENDER, letRestIn),
          );
          feed.events.once(Phaser.Scenes.Events.SHUTDOWN, letRestIn);
        });
      },
      () => open({ scene: 'title' }),
    );
  }
  window.addEventListener('popstate', (event) => {
    showEntry(game, entryFrom(event.state) ?? { scene: 'title' });
  });
}
