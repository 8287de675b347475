/**
 * The parts of Phaser this game uses, assembled from Phaser's own sources as its
 * `src/phaser-core.js` entry does. The package's build evaluates every game object,
 * physics engine, tilemap, geometry, loader and sound class before the first frame,
 * and weighs 160 kB more (gzip) than this. vite.config.ts aliases `phaser` to this
 * file; TypeScript still takes Phaser's types from the package.
 *
 * A game object type is usable once its class and its factory (for `scene.add`) or
 * creator (`scene.make`) are imported here.
 */
import type PhaserTypes from 'phaser';
import Scene2D from 'phaser/src/cameras/2d';
import CONST from 'phaser/src/const';
import Core from 'phaser/src/core';
import Game from 'phaser/src/core/Game';
// Its EventEmitter registers the scene plugin every scene needs.
import Events from 'phaser/src/events';
import Container from 'phaser/src/gameobjects/container/Container';
import DisplayList from 'phaser/src/gameobjects/DisplayList';
import GameObjectEvents from 'phaser/src/gameobjects/events';
import GameObject from 'phaser/src/gameobjects/GameObject';
import GameObjectCreator from 'phaser/src/gameobjects/GameObjectCreator';
import GameObjectFactory from 'phaser/src/gameobjects/GameObjectFactory';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics';
import Image from 'phaser/src/gameobjects/image/Image';
import Particles from 'phaser/src/gameobjects/particles';
import Text from 'phaser/src/gameobjects/text/Text';
import UpdateList from 'phaser/src/gameobjects/UpdateList';
import Renderer from 'phaser/src/renderer';
import BlendModes from 'phaser/src/renderer/BlendModes';
import Scale from 'phaser/src/scale';
import Scenes from 'phaser/src/scene';
import Scene from 'phaser/src/scene/Scene';
import Structs from 'phaser/src/structs';
import Textures from 'phaser/src/textures';
import Time from 'phaser/src/time';
import Tweens from 'phaser/src/tweens';
import Class from 'phaser/src/utils/Class';
// Each registers a game object type with the scene's `add` (factory) or `make` (creator).
import 'phaser/src/gameobjects/container/ContainerCreator';
import 'phaser/src/gameobjects/container/ContainerFactory';
import 'phaser/src/gameobjects/graphics/GraphicsCreator';
import 'phaser/src/gameobjects/graphics/GraphicsFactory';
import 'phaser/src/gameobjects/image/ImageCreator';
import 'phaser/src/gameobjects/image/ImageFactory';
import 'phaser/src/gameobjects/particles/ParticleEmitterCreator';
import 'phaser/src/gameobjects/particles/ParticleEmitterFactory';
import 'phaser/src/gameobjects/text/TextCreator';
import 'phaser/src/gameobjects/text/TextFactory';

const Phaser = {
  ...CONST,
  BlendModes,
  Cameras: { Scene2D },
  Class,
  Core,
  Events,
  Game,
  GameObjects: {
    Events: GameObjectEvents,
    DisplayList,
    GameObject,
    GameObjectCreator,
    GameObjectFactory,
    UpdateList,
    Container,
    Graphics,
    Image,
    Particles,
    Text,
  },
  Renderer,
  Scale,
  Scene,
  Scenes,
  Structs,
  Textures,
  Time,
  Tweens,
};

export default Phaser as unknown as typeof PhaserTypes;
