/**
 * Natter, the messenger: a group chat with bubbles, names and square avatars under the
 * group's name and member count, and Moments (the friends' timeline) for posts that
 * are not messages. A long press on a message opens its message menu (Open, Flag, Looks genuine).
 */
import { fitLabel } from '../../ui/canvas-label';
import { LINE_SPACING } from '../../ui/chrome-canvas';
import { fontPx, highContrast } from '../../ui/display';
import { type BarColours, tabBar, topBar } from '../shared/draw';
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
    // A long word (Russian, a large text size) gets smaller rather than broken in two.
    const fitted = fitLabel(
      title,
      { width: area.width - 90, height: Number.POSITIVE_INFINITY },
      { size: Number.parseFloat(fontPx(16)), colour: c.ink, bold: true },
      {
        locale: document.documentElement.lang || undefined,
        maxLines: 2,
        lineSpacing: LINE_SPACING,
      },
    );
    const height = Math.ceil(Math.max(44, fitted.height + 16));
    const { pen, label, show } = topBar(scene, area, height, c.bar);
    const ink = Number.parseInt(c.ink.slice(1), 16);
    // "‹" back and "···" more, drawn: the real Back is the game's own button above.
    pen.lineStyle(2.5, ink).lineBetween(22, top + height / 2, 30, top + height / 2 - 8);
    pen.lineBetween(22, top + height / 2, 30, top + height / 2 + 8);
    pen.fillStyle(ink);
    for (let dot = 0; dot < 3; dot++)
      pen.fillCircle(area.width - 36 + dot * 8, top + height / 2, 2.2);
    const labelTop = top + (height - fitted.height) / 2;
    for (const [index, line] of fitted.lines.entries())
      label(line, area.width / 2, labelTop + index * fitted.lineStep, fitted.style, 'center');
    show();
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
