/**
 * A post's picture as data: the one the level draws, or a default chosen from the
 * media description. Pure: the drawing is src/pictures/.
 */
import type { Picture, Post } from './level/schema';
import type { Prop, Setting } from './picture-catalog';
import { seedFromText } from './random';

/** Words in a description (any of the four languages) that suggest a setting. */
const SETTING_WORDS: [Setting, RegExp][] = [
  ['parade', /parade|march|soldier|troop|army|военн|солдат|парад|армі|військ|阅兵|士兵|军/],
  ['studio', /studio|news|anchor|interview|talk|студи|новост|ведущ|інтерв|新闻|主播|演播/],
  ['classroom', /class|school|student|lesson|школ|класс|клас|урок|学校|教室|学生/],
  ['office', /office|desk|recruit|contract|офис|контракт|офіс|办公|合同|招聘/],
  ['stage', /stage|concert|singer|star|сцен|концерт|певец|співа|舞台|演唱|明星/],
  ['night', /night|dark|ночь|ночн|ніч|夜/],
  ['countryside', /field|village|farm|поле|деревн|сел|田|村|农/],
  ['home', /home|kitchen|family|room|дом|кухн|семь|родин|кімнат|家|厨房/],
  ['square', /square|crowd|rally|площад|толп|мітинг|натовп|广场|人群|集会/],
  ['city', /city|skyline|moscow|город|місто|城市|莫斯科/],
  ['street', /street|road|улиц|вулиц|街|路/],
];

/** Words that suggest a prop, so the default picture shows what the description says. */
const PROP_WORDS: [Prop, RegExp][] = [
  [
    'money-bag',
    /money|salary|pay|bonus|cash|rubl|yuan|деньг|зарплат|выплат|гроші|виплат|钱|工资|奖金|卢布/,
  ],
  ['military-helmet', /helmet|uniform|soldier|каск|форм|солдат|шолом|头盔|军装|士兵/],
  ['military-medal', /medal|hero|орден|медал|герой|勋章|英雄/],
  ['mobile-phone', /phone|screenshot|chat|телефон|скриншот|手机|截图/],
  ['newspaper', /newspaper|article|headline|газет|статья|стаття|报纸|文章|标题/],
  ['megaphone', /announce|slogan|call|призыв|заклик|号召|口号/],
  ['airplane', /plane|flight|travel|самол|літак|飞机|旅行/],
  ['books', /book|study|учеб|книг|навчан|书|学习/],
  ['red-heart', /love|heart|любов|серд|кохан|爱|心/],
  ['trophy', /win|prize|victor|побед|приз|перемог|胜利|奖/],
  ['cityscape', /city|skyline|город|місто|城市/],
  ['qr-code', /qr|код|二维码/],
];

/**
 * The picture a post shows: the level's own, or for a post with only a description
 * one chosen from it (the same post always gets the same picture): a setting and up
 * to two props its words suggest, and the author in it.
 */
export function pictureFor(
  post: Pick<Post, 'id' | 'author' | 'kind' | 'media' | 'picture'>,
): Picture | null {
  if (post.picture) return post.picture;
  if (!post.media) return null;
  const words = Object.values(post.media).join(' ').toLowerCase();
  const hash = seedFromText(`${post.id}|${words}`);
  const setting =
    SETTING_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ??
    (['street', 'city', 'home', 'square'] as const)[hash % 4] ??
    'plain';
  const props = PROP_WORDS.filter(([, pattern]) => pattern.test(words))
    .slice(0, 2)
    .map(([icon], index) => ({ icon, x: index === 0 ? 78 : 20, y: 70, size: 22 }));
  const video = post.kind === 'video';
  return {
    setting,
    backgroundSeed: `post-${hash % 1000}`,
    people: [
      {
        face: post.author.slice(0, 40).replace(/[^A-Za-z0-9_-]/g, '_') || 'someone',
        x: 50,
        outfit: 'casual',
        size: video ? 80 : 65,
      },
    ],
    props,
    texts: [],
    ...(video ? { motion: { zoom: 'in' as const, talkingHead: true } } : {}),
  };
}
