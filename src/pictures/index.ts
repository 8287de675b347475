/**
 * Pictures on screen: a post's picture (src/core/pictures.ts) drawn by the composer,
 * as a Phaser container (the feed) or an <img> (the DOM panels). The art itself is a
 * chunk of its own, fetched when the first picture is asked for, so the title never
 * waits for it.
 */
import type Phaser from 'phaser';
import type { Level, LocalizedText, Picture, Post } from '../core/level/schema';
import { pictureFor } from '../core/pictures';
import { seedFromText } from '../core/random';
import { localize } from '../core/taxonomy';
import { type ComposeOptions, composePicture, type PropArt, talkerOf } from './compose';

type Art = Readonly<Record<string, PropArt>>;

/**
 * One file per prop (assets/art/props/), so a level fetches only the props it shows.
 * Fetched as JSON rather than imported as modules: a level needs eight to thirty
 * props, and a module each (compiled, evaluated and preloaded) put level 1's first post
 * about 170 ms later at 4x (docs/performance.md, ninth round).
 */
const PROP_URLS = import.meta.glob<string>('../../assets/art/props/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
});
const props = new Map<string, Promise<PropArt | null>>();
let emojiFont: Promise<void> | null = null;
/** Levels whose art and font have arrived. */
const loadedLevels = new WeakSet<Pick<Level, 'posts'>>();

async function fetchProp(url: string): Promise<PropArt> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as PropArt;
}

/** A prop's art, or null when there is none by that name or it cannot be fetched (then the picture goes without it). */
function loadProp(name: string): Promise<PropArt | null> {
  let loading = props.get(name);
  if (!loading) {
    const url = PROP_URLS[`../../assets/art/props/${name}.json`];
    loading = url
      ? fetchProp(url).catch(() => {
          // Asked again next time: offline now, perhaps not then.
          props.delete(name);
          return null;
        })
      : Promise.resolve(null);
    props.set(name, loading);
  }
  return loading;
}

/** The art these pictures show, fetched once per prop. */
export async function loadArt(pictures: readonly (Picture | null | undefined)[]): Promise<Art> {
  const names = new Set(
    pictures.flatMap((picture) => picture?.props.map((prop) => prop.icon) ?? []),
  );
  const art: Record<string, PropArt> = {};
  await Promise.all(
    [...names].map(async (name) => {
      const loaded = await loadProp(name);
      if (loaded) art[name] = loaded;
    }),
  );
  return art;
}

/**
 * A level's art (the props of every picture in it, and of the earlier pictures its
 * reverse image searches find) and the emoji font; the feed waits for both before its
 * first card, since text drawn on the canvas is not redrawn when a font arrives later.
 */
export function loadPictures(level: Pick<Level, 'posts'>): Promise<void> {
  emojiFont ??=
    typeof document === 'undefined' || !document.fonts
      ? Promise.resolve()
      : document.fonts.load("16px 'Feed Emoji'", '😀').then(
          () => undefined,
          () => undefined,
        );
  const pictures = level.posts.flatMap((post) => [
    pictureFor(post),
    post.investigation?.image?.earlier,
  ]);
  return Promise.all([loadArt(pictures), emojiFont]).then(() => {
    loadedLevels.add(level);
  });
}

/** Whether loadPictures() has finished for this level. */
export function picturesLoaded(level: Pick<Level, 'posts'>): boolean {
  return loadedLevels.has(level);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function texter(language: string): (value: LocalizedText) => string {
  return (value) => localize(value, language);
}

function dataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A picture as an <img> with this alt text, drawn when the art has arrived. */
export function pictureImage(
  picture: Picture,
  language: string,
  size: { width: number; height: number },
  alt: string,
): HTMLImageElement {
  const image = document.createElement('img');
  image.className = 'picture';
  image.alt = alt;
  image.width = size.width;
  image.height = size.height;
  void loadArt([picture]).then((loaded) => {
    image.src = dataUrl(
      composePicture(picture, { ...size, text: texter(language), art: loaded, pixelRatio: 2 }),
    );
  });
  return image;
}

/** Picture sizes in the DOM panels, in CSS pixels (they shrink to fit narrow screens). */
export function panelSize(post: Pick<Post, 'kind'>): { width: number; height: number } {
  return post.kind === 'video' ? { width: 270, height: 480 } : { width: 480, height: 288 };
}

/**
 * Textures by key, shared by every container showing the same picture, removed when
 * the last one is destroyed; per texture manager, so a restarted game starts clean.
 */
const users = new WeakMap<Phaser.Textures.TextureManager, Map<string, number>>();

function countsFor(textures: Phaser.Textures.TextureManager): Map<string, number> {
  let counts = users.get(textures);
  if (!counts) {
    counts = new Map();
    users.set(textures, counts);
  }
  return counts;
}

/** Makes (or reuses) the texture for this SVG; resolves with its key, or null if unused by then. */
async function useTexture(
  scene: Phaser.Scene,
  svg: string,
  owner: { active: boolean },
  held: string[],
): Promise<string | null> {
  if (!owner.active) return null;
  const key = `picture-${seedFromText(svg).toString(36)}-${svg.length}`;
  const textures = scene.sys.textures;
  const counts = countsFor(textures);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  held.push(key);
  if (!textures.exists(key)) {
    const image = new Image();
    image.src = dataUrl(svg);
    await image.decode().catch(() => undefined);
    if ((counts.get(key) ?? 0) > 0 && !textures.exists(key)) textures.addImage(key, image);
  }
  return owner.active && textures.exists(key) ? key : null;
}

function releaseTextures(textures: Phaser.Textures.TextureManager, held: readonly string[]): void {
  const counts = countsFor(textures);
  for (const key of held) {
    const left = (counts.get(key) ?? 1) - 1;
    if (left > 0) {
      counts.set(key, left);
      continue;
    }
    counts.delete(key);
    if (textures.exists(key)) textures.remove(key);
  }
}

/** How long a video's motion runs, in ms: a few seconds, then it rests on its last frame. */
export const VIDEO_MS = 4000;

/**
 * Emitted by a picture's container once it will not change again (a still has its
 * texture, a video rests on its last frame), with the layers it rests on: it can be
 * drawn once into what holds it, and let go.
 */
export const PICTURE_SETTLED = 'picture-settled';

/** One layer of a resting picture: a texture frame drawn at (x, y) in the picture's box, top left. */
export interface RestingLayer {
  key: string;
  frame: string | null;
  x: number;
  y: number;
  scale: number;
}

const PICTURE_SHOWN = 'picture-shown';
/** A video's resting crop, as a frame of its scene's texture. */
const REST_FRAME = 'rest';
const SHOWN = 'shown';

/** Tells a picture the player can see it now: a video starts to play (once). */
export function pictureShown(container: Phaser.GameObjects.Container): void {
  if (container.getData(SHOWN)) return;
  container.setData(SHOWN, true);
  container.emit(PICTURE_SHOWN);
}

/**
 * The post's picture in a container at box (returned at once: a plain panel until its
 * texture is ready). A video post with `animated` plays a few seconds of motion: pan,
 * zoom, its texts appearing and a talking head, from the moment pictureShown() is
 * called; under reduced motion it is a still. The container emits PICTURE_SETTLED when
 * it rests. Destroying it stops it and frees
 * textures no other picture uses.
 */
export function addPicture(
  scene: Phaser.Scene,
  post: Post,
  language: string,
  box: Box,
  options: { animated: boolean; reducedMotion: boolean },
): Phaser.GameObjects.Container {
  const container = scene.add.container(box.x, box.y);
  const picture = pictureFor(post);
  if (!picture) return container;
  const placeholder = scene.add.graphics();
  placeholder.fillStyle(0xd0d6df, 1).fillRect(0, 0, box.width, box.height);
  container.add(placeholder);
  const held: string[] = [];
  // Textures still loading when the container goes are released as they arrive.
  const owner = { active: true };
  container.once('destroy', () => {
    owner.active = false;
    releaseTextures(scene.sys.textures, held);
  });
  const ratio = Math.min(2, Math.max(1, globalThis.devicePixelRatio || 1));
  const moving =
    options.animated && !options.reducedMotion && post.kind === 'video' && scene.sys.isActive();
  void loadArt([picture]).then(async (loaded) => {
    const base: ComposeOptions = {
      width: Math.round(box.width),
      height: Math.round(box.height),
      text: texter(language),
      art: loaded,
      pixelRatio: ratio,
    };
    if (!moving) {
      const key = await useTexture(scene, composePicture(picture, base), owner, held);
      if (!key) return;
      placeholder.destroy();
      container.add(
        scene.add
          .image(0, 0, key)
          .setOrigin(0)
          .setScale(1 / ratio),
      );
      const rest: RestingLayer[] = [{ key, frame: null, x: 0, y: 0, scale: 1 / ratio }];
      container.emit(PICTURE_SETTLED, rest);
      return;
    }
    const sceneKey = await useTexture(
      scene,
      composePicture(picture, { ...base, layer: { scene: true, texts: 'none' } }),
      owner,
      held,
    );
    const textKeys: (string | null)[] = [];
    for (let index = 0; index < picture.texts.length; index++)
      textKeys.push(
        await useTexture(
          scene,
          composePicture(picture, { ...base, layer: { scene: false, texts: index } }),
          owner,
          held,
        ),
      );
    if (!sceneKey) return;
    placeholder.destroy();
    play(scene, container, picture, box, ratio, sceneKey, textKeys);
  });
  return container;
}

/** The video's few seconds: the scene moves, texts appear on cue, the talker's mouth moves. */
function play(
  scene: Phaser.Scene,
  container: Phaser.GameObjects.Container,
  picture: Picture,
  box: Box,
  ratio: number,
  sceneKey: string,
  textKeys: readonly (string | null)[],
): void {
  const image = scene.add.image(0, 0, sceneKey).setOrigin(0);
  container.add(image);
  const moving: object[] = [];
  container.once('destroy', () => scene.tweens.killTweensOf(moving));
  const width = box.width * ratio;
  const height = box.height * ratio;
  const pan = picture.motion?.pan;
  const zoom = picture.motion?.zoom ?? (pan ? undefined : 'in');
  const from = { z: zoom === 'out' ? 1.18 : pan && !zoom ? 1.12 : 1, p: 0 };
  const to = { z: zoom === 'in' ? 1.18 : pan && !zoom ? 1.12 : 1, p: 1 };
  const frame = { ...from };
  const talker = talkerOf(picture, box.width, box.height);
  const mouth = talker ? scene.add.graphics() : null;
  if (mouth && talker) {
    mouth.fillStyle(0x7a2e2e, 1).fillEllipse(0, 0, talker.width * 0.8, talker.width * 0.5);
    mouth.setScale(1, 0);
    container.add(mouth);
  }
  /** The part of the scene in view at a point of the motion, and its scale on screen. */
  const view = (at: { z: number; p: number }) => {
    const cropWidth = width / at.z;
    const cropHeight = height / at.z;
    const along = pan === 'left' || pan === 'up' ? 1 - at.p : pan ? at.p : 0.5;
    const cropX = (width - cropWidth) * (pan === 'up' || pan === 'down' ? 0.5 : along);
    const cropY = (height - cropHeight) * (pan === 'up' || pan === 'down' ? along : 0.4);
    return { cropX, cropY, cropWidth, cropHeight, scale: at.z / ratio };
  };
  const apply = () => {
    const { cropX, cropY, cropWidth, cropHeight, scale } = view(frame);
    image.setCrop(cropX, cropY, cropWidth, cropHeight);
    image.setScale(scale).setPosition(-cropX * scale, -cropY * scale);
    // The mouth stays on the face as the scene zooms and pans under it.
    if (mouth && talker)
      mouth
        .setPosition((talker.x * ratio - cropX) * scale, (talker.y * ratio - cropY) * scale)
        .setVisible(talker.y * ratio >= cropY && talker.y * ratio <= cropY + cropHeight);
  };
  apply();
  const texts = picture.texts.flatMap((entry, index) => {
    const key = textKeys[index];
    if (!key) return [];
    const text = scene.add
      .image(0, 0, key)
      .setOrigin(0)
      .setScale(1 / ratio)
      .setAlpha(0);
    container.add(text);
    return [{ text, at: entry.appearsAt * 1000 }];
  });
  moving.push(frame, ...texts.map(({ text }) => text));
  if (mouth) moving.push(mouth);
  const start = () => {
    if (!container.active) return;
    scene.tweens.add({
      targets: frame,
      z: to.z,
      p: to.p,
      duration: VIDEO_MS,
      ease: 'Sine.easeInOut',
      onUpdate: apply,
    });
    if (mouth)
      scene.tweens.add({
        targets: mouth,
        scaleY: 1,
        duration: 140,
        yoyo: true,
        repeat: Math.floor(VIDEO_MS / 280) - 1,
      });
    for (const { text, at } of texts)
      scene.tweens.add({ targets: text, alpha: 1, delay: at, duration: 300 });
    // It rests when the motion and the last text's fade have ended.
    const rests = Math.max(VIDEO_MS, ...texts.map(({ at }) => at + 300));
    const settle = scene.time.delayedCall(rests, () => {
      // The last frame: the scene's crop as a frame of its texture, the texts over it.
      const last = view(to);
      const source = scene.textures.get(sceneKey);
      if (!source.has(REST_FRAME))
        source.add(REST_FRAME, 0, last.cropX, last.cropY, last.cropWidth, last.cropHeight);
      const rest: RestingLayer[] = [
        { key: sceneKey, frame: REST_FRAME, x: 0, y: 0, scale: last.scale },
        ...texts.map(({ text }) => ({
          key: text.texture.key,
          frame: null,
          x: 0,
          y: 0,
          scale: 1 / ratio,
        })),
      ];
      container.emit(PICTURE_SETTLED, rest);
    });
    container.once('destroy', () => settle.remove());
  };
  // A clip plays when the player first sees it, not while it waits below the screen.
  if (container.getData(SHOWN)) start();
  else container.once(PICTURE_SHOWN, start);
}
