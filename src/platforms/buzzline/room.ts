/**
 * Buzzline, the microblog: a timeline of posts with #topic# tags, verified marks of
 * three kinds, repost chains ("//@user: ..."), picture grids of one to nine, and the
 * counts of reposts, comments and likes; a trending list heads the timeline.
 */
import { accountOf, authorName } from '../../core/authors';
import type { Post } from '../../core/level/schema';
import { measureLabel } from '../../ui/canvas-label';
import { fitToWidth } from '../../ui/chrome-canvas';
import { fontPx, highContrast } from '../../ui/display';
import { avatar, icon, tabBar, text, topBar } from '../shared/draw';
import { imageCount, initials, topicOf, verifiedKind } from '../shared/post-details';
import type { PlatformRoom, PostLayout, RoomContext } from '../shared/room';

const PAD = 14;
const MARKS = { person: 0xf5a623, organisation: 0x1e90ff, media: 0x8e44ad } as const;

function colours() {
  const high = highContrast();
  return {
    bar: high ? 0x000000 : 0xffffff,
    ink: high ? '#ffffff' : '#1f1f1f',
    dim: high ? '#ffffff' : '#6e6e6e',
    link: high ? '#ffff00' : '#0b5fa5',
    orange: high ? '#ffff00' : '#c2410c',
    card: high ? 0x000000 : 0xffffff,
    line: high ? 0xffffff : 0xe6e6e6,
    repost: high ? 0x000000 : 0xf4f4f4,
  };
}

export const buzzline: PlatformRoom = {
  gap: 8,
  fullHeight: false,
  status: () =>
    highContrast()
      ? { background: 0x000000, ink: '#ffffff', active: '' }
      : { background: 0xffffff, ink: '#1f1f1f', active: '' },
  postWidth: (area) => Math.min(640, area.width),
  chrome(room, area) {
    const { scene } = room;
    const { t } = room.translator;
    const c = colours();
    const top = area.top;
    const size = Number.parseFloat(fontPx(16));
    // Each tab keeps to its half, clear of the search icon (shrunk in a long language).
    const half = area.width / 2 - 58;
    const followingLabel = t('room.buzzline.following');
    const hotLabel = t('room.buzzline.hot');
    const following = fitToWidth(followingLabel, { size, colour: c.dim }, half, 9);
    const hot = fitToWidth(hotLabel, { size, colour: c.ink, bold: true }, half, 9);
    const hotBox = measureLabel(hotLabel, hot);
    const height = Math.ceil(
      Math.max(measureLabel(followingLabel, following).height, hotBox.height) + 24,
    );
    const { pen, label, show } = topBar(scene, area, height, c.bar);
    label(followingLabel, area.width / 2 - 14, top + 10, following, 'right');
    const hotX = area.width / 2 + 14;
    label(hotLabel, hotX, top + 10, hot);
    pen
      .fillStyle(Number.parseInt(c.orange.slice(1), 16))
      .fillRect(hotX + hotBox.width / 2 - 10, top + 10 + hotBox.height + 4, 20, 3);
    icon(pen, 'search', area.width - 28, top + height / 2, 10, Number.parseInt(c.ink.slice(1), 16));
    show();
    const bottom = tabBar(
      scene,
      area,
      [
        { icon: 'home', label: t('room.buzzline.home') },
        { icon: 'play', label: t('room.buzzline.video') },
        { icon: 'compass', label: t('room.buzzline.discover') },
        { icon: 'inbox', label: t('room.buzzline.messages') },
        { icon: 'person', label: t('room.buzzline.me') },
      ],
      { background: c.bar, ink: c.dim, active: c.orange },
    );
    return { top: height, bottom };
  },
  intro(room, x, y, width, posts) {
    const { scene, translator } = room;
    const c = colours();
    const language = translator.language();
    const counts = new Map<string, number>();
    for (const post of posts) {
      const topic = topicOf(post, translator.text(post.text), language);
      if (topic) counts.set(topic, (counts.get(topic) ?? 0) + post.likes + post.shares + 1);
    }
    const trending = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    if (trending.length === 0) return 0;
    const g = scene.add.graphics();
    const heading = text(scene, x + PAD, y + 10, translator.t('room.buzzline.trending'), {
      size: 15,
      colour: c.orange,
      bold: true,
    });
    let cy = heading.y + heading.height + 6;
    const rows = trending.map(([topic, heat], index) => {
      const row = text(
        scene,
        x + PAD,
        cy,
        `${index + 1}  #${topic}#  ${translator.number(heat * 97, { notation: 'compact' })}`,
        {
          size: 14,
          colour: index === 0 ? c.orange : c.ink,
          width: width - PAD * 2,
          maxLines: 2,
        },
      );
      cy += row.height + 4;
      return row;
    });
    const height = cy + 8 - y;
    g.fillStyle(c.card, 1).fillRect(x, y, width, height);
    g.lineStyle(1, c.line, 1).strokeRect(x, y, width, height);
    g.setDepth(-1);
    for (const row of rows) row.setDepth(0);
    heading.setDepth(0);
    return height;
  },
  layoutPost(room, post, _previous, size) {
    return timelinePost(room, post, size.width);
  },
};

function timelinePost(room: RoomContext, post: Post, width: number): PostLayout {
  const { scene, translator, level } = room;
  const { t } = translator;
  const c = colours();
  const view = scene.add.container(0, 0);
  const back = scene.add.graphics();
  const g = scene.add.graphics();
  view.add([back, g]);
  const media: PostLayout['media'] = [];
  const account = accountOf(level, post.author);
  const name = authorName(level, post.author, translator.text);
  const mark = verifiedKind(account);
  const size = 44;
  view.add(avatar(scene, PAD, PAD, size, account?.handle ?? post.author, initials(name), 'round'));
  if (mark) {
    const mx = PAD + size - 6;
    const my = PAD + size - 6;
    g.fillStyle(0xffffff, 1).fillCircle(mx, my, 9);
    g.fillStyle(MARKS[mark], 1).fillCircle(mx, my, 7.5);
    g.lineStyle(2, 0xffffff, 1)
      .lineBetween(mx - 4, my - 3, mx, my + 3)
      .lineBetween(mx, my + 3, mx + 4, my - 3);
  }
  const x = PAD + size + 10;
  const inner = width - PAD * 2;
  const nameText = text(scene, x, PAD + 2, name, {
    size: 16,
    colour: mark ? c.orange : c.ink,
    bold: true,
    width: width - x - PAD,
    maxLines: 1,
  });
  const meta = [t('post.minutesAgo', { count: post.minutesAgo }), account?.handle ?? '']
    .filter(Boolean)
    .join(' · ');
  const metaText = text(scene, x, nameText.y + nameText.height + 2, meta, {
    size: 12,
    colour: c.dim,
    width: width - x - PAD,
    maxLines: 1,
  });
  view.add([nameText, metaText]);
  let y = Math.max(PAD + size, metaText.y + metaText.height) + 10;
  if (post.kind === 'ad') {
    const badge = text(scene, width - PAD, PAD, t('post.sponsored'), {
      size: 11,
      colour: c.dim,
      background: highContrast() ? '#000000' : '#f0f0f0',
    }).setOrigin(1, 0);
    view.add(badge);
  }
  const body = translator.text(post.text);
  const topic = post.topic ? topicOf(post, body, translator.language()) : null;
  if (topic) {
    const tag = text(scene, PAD, y, `#${topic}#`, { size: 16, colour: c.link, width: inner });
    view.add(tag);
    y += tag.height + 2;
  }
  const bodyText = text(scene, PAD, y, body, { size: 16, colour: c.ink, width: inner });
  view.add(bodyText);
  y += bodyText.height + 8;
  if (post.reposts && post.reposts.length > 0) {
    const chain = post.reposts
      .map((repost) => `//${repost.handle}: ${translator.text(repost.text)}`)
      .join('\n');
    const chainText = text(scene, PAD + 10, y + 8, chain, {
      size: 14,
      colour: c.dim,
      width: inner - 20,
    });
    g.fillStyle(c.repost, 1).fillRect(PAD, y, inner, chainText.height + 16);
    view.add(chainText);
    y += chainText.height + 24;
  }
  const pictures = imageCount(post);
  if (pictures > 0) {
    const columns = pictures === 1 ? 1 : pictures === 2 || pictures === 4 ? 2 : 3;
    const gap = 4;
    const cell =
      pictures === 1
        ? Math.min(inner, 420)
        : Math.floor((Math.min(inner, 420) - gap * (columns - 1)) / columns);
    const cellHeight =
      pictures === 1 ? Math.round(cell * (post.kind === 'video' ? 0.56 : 0.75)) : cell;
    for (let index = 0; index < pictures; index++) {
      const row = Math.floor(index / columns);
      const column = index % columns;
      media.push({
        box: {
          x: PAD + column * (cell + gap),
          y: y + row * (cellHeight + gap),
          width: cell,
          height: cellHeight,
        },
        under: false,
      });
    }
    y += Math.ceil(pictures / columns) * (cellHeight + gap) + 6;
  }
  if (post.link) {
    const title = text(scene, PAD + 10, y + 8, translator.text(post.link.title), {
      size: 14,
      colour: c.link,
      bold: true,
      width: inner - 20,
      maxLines: 2,
    });
    const domain = text(
      scene,
      PAD + 10,
      title.y + title.height + 2,
      new URL(post.link.url).hostname,
      { size: 12, colour: c.dim, width: inner - 20, maxLines: 1 },
    );
    const boxHeight = domain.y + domain.height + 8 - y;
    g.fillStyle(c.repost, 1).fillRect(PAD, y, inner, boxHeight);
    view.add([title, domain]);
    y += boxHeight + 8;
  }
  // The action row: repost, comment, like, each with its count.
  g.lineStyle(1, c.line, 1).lineBetween(PAD, y, width - PAD, y);
  const actions = [
    t('room.buzzline.repost', {
      count: post.shares,
      formatted: translator.number(post.shares, { notation: 'compact' }),
    }),
    t('room.buzzline.comment', {
      count: post.comments.length,
      formatted: translator.number(post.comments.length),
    }),
    t('room.buzzline.like', {
      count: post.likes,
      formatted: translator.number(post.likes, { notation: 'compact' }),
    }),
  ];
  const third = (width - PAD * 2) / 3;
  const rowTop = y;
  let rowHeight = 0;
  actions.forEach((action, index) => {
    const label = text(scene, PAD + third * index + third / 2, y + 10, action, {
      size: 13,
      colour: c.dim,
      width: third - 6,
    })
      .setOrigin(0.5, 0)
      .setAlign('center');
    rowHeight = Math.max(rowHeight, label.height);
    view.add(label);
  });
  y += rowHeight + 20;
  back.fillStyle(c.card, 1).fillRect(0, 0, width, y);
  if (highContrast()) back.lineStyle(2, 0xffffff, 1).strokeRect(0, 0, width, y);
  // Comments open the post at its comments; repost and like are scenery.
  const controls = [
    {
      kind: 'comments' as const,
      box: { x: PAD + third, y: rowTop, width: third, height: y - rowTop },
    },
  ];
  return { view, height: Math.ceil(y), media, controls };
}
