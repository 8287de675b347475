/**
 * Natter, the messenger: a group chat with bubbles, names and square avatars under the
 * group's name and member count, and Moments (the friends' timeline) for posts that
 * are not messages. A long press on a message opens its message menu (Open, Flag, Looks genuine).
 */
import { highContrast } from '../../ui/display';
import { shrinkLongestWord } from '../../ui/text-wrap';
import { type BarColours, bake, tabBar, text } from '../shared/draw';
import { inMoments, memberCount } from '../shared/post-details';
import type { PlatformRoom } from '../shared/room';
import { colours } from './common';
import { message } from './message';
import { moment } from './moment';

export const natter: PlatformRoom = {
  gap: 6,
  messageMenu: true,
  fullHeight: false,
  postWidth: (area) => Math.min(640, area.width),
  status: () => {
    const high = highContrast();
    return {
      background: high ? 0x000000 : 0xededed,
      ink: high ? '#ffffff' : '#191919',
      active: '',
    };
  },
  chrome(room, area, posts) {
    const { scene, translator } = room;
    const { t } = translator;
    const c = colours();
    const bar: BarColours = { background: c.bar, ink: c.dim, active: c.green };
    const first = posts.find((post) => !inMoments(post) && post.group);
    const title = first?.group
      ? t('room.natter.groupTitle', {
          group: translator.text(first.group),
          count: memberCount(room.level, first.group),
        })
      : t('room.natter.moments');
    const top = area.top;
    const label = text(scene, 0, 0, title, {
      size: 16,
      colour: c.ink,
      bold: true,
      width: area.width - 90,
      maxLines: 2,
    });
    // A long word (Russian, a large text size) gets smaller rather than broken in two.
    shrinkLongestWord(label, area.width - 90);
    const height = Math.ceil(Math.max(44, label.height + 16));
    const g = scene.add.graphics();
    g.fillStyle(c.bar, 1).fillRect(0, top, area.width, height);
    g.lineStyle(1, 0x000000, 0.1).lineBetween(0, top + height, area.width, top + height);
    const ink = Number.parseInt(c.ink.slice(1), 16);
    // "‹" back and "···" more, drawn: the real Back is the game's own button above.
    g.lineStyle(2.5, ink, 1).lineBetween(22, top + height / 2, 30, top + height / 2 - 8);
    g.lineBetween(22, top + height / 2, 30, top + height / 2 + 8);
    g.fillStyle(ink, 1);
    for (let dot = 0; dot < 3; dot++)
      g.fillCircle(area.width - 36 + dot * 8, top + height / 2, 2.2);
    label
      .setOrigin(0.5, 0.5)
      .setPosition(area.width / 2, top + height / 2)
      .setAlign('center');
    bake(scene, 'chrome-top', [g, label], { x: 0, y: top, width: area.width, height: height + 1 });
    const bottom = tabBar(
      scene,
      area,
      [
        { icon: 'chat', label: t('room.natter.chats') },
        { icon: 'people', label: t('room.natter.contacts') },
        { icon: 'compass', label: t('room.natter.discover') },
        { icon: 'person', label: t('room.natter.me') },
      ],
      bar,
    );
    return { top: height, bottom };
  },
  layoutPost(room, post, previous, size) {
    return inMoments(post)
      ? moment(room, post, previous, size.width)
      : message(room, post, previous, size.width);
  },
};

/** A divider line in the chat: a new group's name, or "Moments". */
