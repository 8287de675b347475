/**
 * Pictures as data and as SVG: the level's picture or a default from the description,
 * faces shared by seed, the picture's words as markable evidence in every language,
 * the validator's messages, and the extracted art covering what the game uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishT } from '../../scripts/node-i18n';
import { splitSentences, truthsFor } from '../../src/core/investigation';
import type { Level, Post } from '../../src/core/level/schema';
import { validateLevelSource } from '../../src/core/level/validate';
import { EMOJI, PROPS } from '../../src/core/picture-catalog';
import { markableText } from '../../src/core/picture-words';
import { pictureFor } from '../../src/core/pictures';
import { localize } from '../../src/core/taxonomy';
import { composePicture, type PropArt, talkerOf } from '../../src/pictures/compose';
import { personSvg } from '../../src/pictures/faces';
import { formatProblem } from '../../src/services/problems';
import { type LevelJson, OPTIONS } from './level-fixture';

const ROOT = join(import.meta.dirname, '..', '..');
/** Every extracted prop, as the game's chunks hold them (assets/art/props/<name>.json). */
const art: Record<string, PropArt> = Object.fromEntries(
  readdirSync(join(ROOT, 'assets/art/props')).map((file) => [
    file.replace(/\.json$/, ''),
    JSON.parse(readFileSync(join(ROOT, 'assets/art/props', file), 'utf8')) as PropArt,
  ]),
);
const fixtureSource = readFileSync(join(ROOT, 'tests/fixtures/levels/pictures.json'), 'utf8');

function fixture(): Level {
  const result = validateLevelSource(fixtureSource, OPTIONS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function post(level: Level, id: string): Post {
  const found = level.posts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no post ${id}`);
  return found;
}

const english = (value: Record<string, string>) => localize(value, 'en');

describe('the picture a post shows', () => {
  it("is the level's own picture when it has one", () => {
    const level = fixture();
    expect(pictureFor(post(level, 'cake'))?.props[0]?.icon).toBe('birthday-cake');
  });

  it('is chosen from the description for a post with a description only, the same every time', () => {
    const level = fixture();
    const plain = post(level, 'plain');
    const picture = pictureFor(plain);
    expect(picture?.setting).toBe('night');
    expect(pictureFor(plain)).toEqual(picture);
    // The author is in it, so one author's pictures share a face.
    expect(picture?.people[0]?.face).toBe('mila');
    const svg = composePicture(picture as NonNullable<typeof picture>, {
      width: 300,
      height: 180,
      text: english,
      art,
    });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 300 180">/);
  });

  it('a soldier video by description gets a talking head and motion', () => {
    const picture = pictureFor({
      id: 'v',
      author: 'x',
      kind: 'video',
      media: { en: 'A soldier counts money at a desk' },
      picture: undefined,
    });
    expect(picture?.setting).toBe('parade');
    expect(picture?.motion?.talkingHead).toBe(true);
    expect(picture?.props.map((prop) => prop.icon)).toContain('money-bag');
  });

  it('is none for a post without media', () => {
    expect(
      pictureFor({ id: 'a', author: 'b', kind: 'text', media: undefined, picture: undefined }),
    ).toBeNull();
  });
});

describe('composing a picture', () => {
  const level = fixture();

  it('draws the same face for the same seed on two accounts, and a different one otherwise', () => {
    // "pay" (citizen_a) and "hero" (citizen_b) share the face seed citizen-7.
    const a = post(level, 'pay').picture?.people[0];
    const b = post(level, 'hero').picture?.people[0];
    expect(a?.face).toBe(b?.face);
    expect(personSvg('citizen-7', 'casual')).toBe(personSvg('citizen-7', 'casual'));
    expect(personSvg('citizen-7', 'casual')).not.toBe(personSvg('mila', 'casual'));
  });

  it('uses the Noto art for props and shows the texts in the language asked for', () => {
    const picture = post(level, 'pay').picture;
    if (!picture) throw new Error('no picture');
    const russian = composePicture(picture, {
      width: 400,
      height: 240,
      text: (value) => localize(value, 'ru'),
      art,
    });
    expect(russian).toContain(art['money-bag']?.body.slice(0, 60));
    expect(russian).toContain('200 000 в месяц. Подпиши</tspan>');
    expect(russian).toContain('>сегодня.</tspan>');
    expect(russian).toContain('recruit-centre-7');
    const sceneOnly = composePicture(picture, {
      width: 400,
      height: 240,
      text: english,
      art,
      layer: { scene: true, texts: 'none' },
    });
    expect(sceneOnly).not.toContain('Sign today');
  });

  it('escapes level text, so a picture text cannot add markup to the SVG', () => {
    const svg = composePicture(
      {
        setting: 'plain',
        people: [],
        props: [],
        texts: [
          { text: { en: '<image href="x"/> & "more"' }, style: 'sign', at: 'middle', appearsAt: 0 },
        ],
      },
      { width: 300, height: 200, text: english, art },
    );
    expect(svg).not.toContain('<image');
    expect(svg).toContain('&#60;image');
  });

  it("puts a talking head's mouth on the first person's face", () => {
    const picture = post(level, 'hero').picture;
    if (!picture) throw new Error('no picture');
    const talker = talkerOf(picture, 270, 480);
    expect(talker).not.toBeNull();
    expect(talker?.x).toBeCloseTo(135, 0);
    expect(talker?.y).toBeGreaterThan(480 * 0.2);
    expect(talkerOf({ ...picture, motion: undefined }, 270, 480)).toBeNull();
  });
});

describe("the picture's words are evidence", () => {
  const level = fixture();

  it.each(['en', 'ru', 'uk', 'zh-Hans'])(
    'in %s, the watermark and the caption are sentences to mark, and the watermark is the tell',
    (language) => {
      const pay = post(level, 'pay');
      const text = (value: Record<string, string>) => localize(value, language);
      const markable = markableText(pay, text);
      const sentences = splitSentences(markable.text, language);
      const inPicture = sentences.filter((sentence) => sentence.start >= markable.pictureStart);
      expect(inPicture.map((sentence) => sentence.text)).toEqual([
        ...splitSentences(text(pay.picture?.texts[0]?.text ?? {}), language).map((s) => s.text),
        'recruit-centre-7',
      ]);
      const truth = truthsFor(level, language).get('pay');
      expect(truth?.sentenceCount).toBe(sentences.length);
      expect(truth?.tellSentences).toEqual([sentences.length - 1]);
    },
  );

  it('a post without picture words keeps its sentences as before', () => {
    const cake = post(level, 'cake');
    expect(markableText(cake, english).text).toBe(english(cake.text));
  });
});

describe('the validator on pictures', () => {
  let t: TFunction;
  beforeAll(async () => {
    t = await englishT();
  });

  function messages(change: (raw: LevelJson) => void): string[] {
    const raw = JSON.parse(fixtureSource);
    change(raw);
    const result = validateLevelSource(JSON.stringify(raw, null, 2), OPTIONS);
    if (result.ok) throw new Error('expected problems');
    return result.problems.map((problem) => formatProblem(t, 'x.json', problem));
  }

  it('names an unknown prop, where it is and what is allowed', () => {
    const [line] = messages((raw) => (raw.posts[0].picture.props[0].icon = 'tank'));
    expect(line).toMatch(
      /^x\.json: posts\[0\]\.picture\.props\[0\]\.icon: "tank" is not allowed here; choose one of .*"money-bag"/,
    );
  });

  it('accepts evidence found only in the picture, and says where else it looked when it is nowhere', () => {
    const [line] = messages((raw) => (raw.posts[1].truth.evidence[0].en = 'recruit-centre-8'));
    expect(line).toContain('posts[1].truth.evidence[0].en');
    expect(line).toContain("nor in its picture's texts or watermark");
  });

  it('refuses a person who is too small and says the lowest size', () => {
    const [line] = messages((raw) => (raw.posts[0].picture.people[0].size = 5));
    expect(line).toContain(
      'posts[0].picture.people[0].size: 5 is too small: the lowest allowed is 20',
    );
  });
});

describe('the extracted art', () => {
  it('has every prop the level format offers (the QR code is drawn)', () => {
    for (const name of PROPS) if (name !== 'qr-code') expect(art[name], name).toBeDefined();
  });

  it('the emoji font holds every emoji in the levels and translations (else run npm run art)', () => {
    const subset = readFileSync(join(ROOT, 'assets/art/emoji.txt'), 'utf8');
    const files = ['levels', 'locales/en', 'locales/ru', 'locales/uk', 'locales/zh-Hans'].flatMap(
      (folder) =>
        readdirSync(join(ROOT, folder))
          .filter((name) => name.endsWith('.json') && name !== 'level.schema.json')
          .map((name) => join(ROOT, folder, name)),
    );
    const missing = new Set<string>();
    for (const file of files)
      for (const emoji of readFileSync(file, 'utf8').match(EMOJI) ?? [])
        if (!subset.includes(emoji)) missing.add(emoji);
    expect([...missing]).toEqual([]);
  });
});
