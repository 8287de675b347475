/**
 * Loopy, the short-video app: one clip fills the screen, and scrolling snaps to the
 * next. The side rail (avatar with follow, likes, comments, shares), the caption with
 * its hashtags and the sound's name lie over the video; a thin bar shows its progress.
 */
import { accountOf, authorName } from '../../core/authors';
import { highContrast } from '../../ui/display';
import { avatar, icon, tabBar, text } from '../shared/draw';
import { clipSeconds, initials } from '../shared/post-details';
import type { PlatformRoom, PostLayout } from '../shared/room';

const PINK = 0xfe2c55;

export const loopy: PlatformRoom = {
  gap: 0,
  fullHeight: true,
  status: () => ({ background: 0x000000, ink: '#ffffff', active: '' }),
  // A phone-shaped column on wide screens, the whole width on phones.
  postWidth: (area) => Math.min(area.width, Math.max(340, Math.round(area.height * 0.62))),
  chrome(room, area) {
    const { t } = room.translator;
    const bottom = tabBar(
      room.scene,
      area,
      [
        { icon: 'home', label: t('room.loopy.home') },
        { icon: 'people', label: t('room.loopy.friends') },
        { icon: 'plus', label: '' },
        { icon: 'inbox', label: t('room.loopy.inbox') },
        { icon: 'person', label: t('room.loopy.me') },
      ],
      { background: 0x000000, ink: '#bbbbbb', active: '#ffffff' },
    );
    return { top: 0, bottom };
  },
  layoutPost(room, post, _previous, size) {
    const { scene, translator, level } = room;
    const { t } = translator;
    const { width, height } = size;
    const high = highContrast();
    const view = scene.add.container(0, 0);
    const g = scene.add.graphics();
    view.add(g);
    // Scrims keep the white overlay text readable over any picture.
    const scrim = high ? 1 : 0.55;
    g.fillStyle(0x000000, high ? 1 : 0.35).fillRect(0, 0, width, 44);
    const tabs = [t('room.loopy.following'), t('room.loopy.forYou')];
    const following = text(scene, width / 2 - 8, 12, tabs[0] as string, {
      size: 15,
      colour: '#dddddd',
    }).setOrigin(1, 0);
    const forYou = text(scene, width / 2 + 8, 12, tabs[1] as string, {
      size: 15,
      colour: '#ffffff',
      bold: true,
    });
    g.fillStyle(0xffffff, 1).fillRect(
      forYou.x + forYou.width / 2 - 12,
      forYou.y + forYou.height + 3,
      24,
      3,
    );
    view.add([following, forYou]);
    const labels: string[] = [];
    if (post.live) labels.push(t('room.loopy.live'));
    if (post.kind === 'ad') labels.push(t('post.sponsored'));
    let labelX = 12;
    for (const label of labels) {
      const badge = text(scene, labelX, 54, label, {
        size: 12,
        colour: '#ffffff',
        bold: true,
        background: high ? '#000000' : '#fe2c55',
        padding: { x: 6, y: 2 },
      });
      view.add(badge);
      labelX += badge.width + 8;
    }

    // The rail: avatar with follow, like, comment, share, and the spinning sound disc.
    const account = accountOf(level, post.author);
    const name = authorName(level, post.author, translator.text);
    const railX = width - 34;
    const counts = [
      { icon: 'heart' as const, value: post.likes },
      { icon: 'comment' as const, value: post.comments.length },
      { icon: 'share' as const, value: post.shares },
    ];
    const railHeight = 60 + counts.length * 62 + 48;
    const railTop = Math.max(90, height - 150 - railHeight);
    g.fillStyle(0x000000, high ? 1 : 0.25).fillRoundedRect(
      railX - 30,
      railTop - 8,
      60,
      railHeight + 8,
      16,
    );
    view.add(
      avatar(
        scene,
        railX - 22,
        railTop,
        44,
        account?.handle ?? post.author,
        initials(name),
        'round',
      ),
    );
    g.fillStyle(PINK, 1).fillCircle(railX, railTop + 46, 9);
    g.lineStyle(2, 0xffffff, 1).lineBetween(railX - 4, railTop + 46, railX + 4, railTop + 46);
    g.lineBetween(railX, railTop + 42, railX, railTop + 50);
    counts.forEach((count, index) => {
      const cy = railTop + 82 + index * 62;
      icon(g, count.icon, railX, cy, 14, 0xffffff, true);
      const label = text(
        scene,
        railX,
        cy + 18,
        translator.number(count.value, { notation: 'compact' }),
        {
          size: 12,
          colour: '#ffffff',
          bold: true,
        },
      ).setOrigin(0.5, 0);
      view.add(label);
    });
    icon(
      g,
      'disc',
      railX,
      railTop + railHeight - 24,
      16,
      avatarTint(account?.handle ?? post.author),
    );

    // Bottom left: the handle, the caption with its hashtags, the sound.
    const left = 12;
    const captionWidth = width - left - 76;
    const handle = text(scene, left, 0, account?.handle ?? post.author, {
      size: 16,
      colour: '#ffffff',
      bold: true,
      width: captionWidth,
      maxLines: 1,
    });
    const caption = text(scene, left, 0, translator.text(post.text), {
      size: 15,
      colour: '#ffffff',
      width: captionWidth,
      maxLines: 5,
    });
    const soundName = post.sound
      ? translator.text(post.sound)
      : t('room.loopy.originalSound', { name });
    const sound = text(scene, left + 20, 0, soundName, {
      size: 13,
      colour: '#ffffff',
      width: captionWidth - 20,
      maxLines: 1,
    });
    const captionTop = height - 14 - sound.height - 8 - caption.height - 6 - handle.height;
    g.fillStyle(0x000000, scrim).fillRect(0, captionTop - 12, width - 68, height - captionTop + 12);
    handle.setY(captionTop);
    caption.setY(handle.y + handle.height + 6);
    sound.setY(caption.y + caption.height + 8);
    // A note: the sound's mark, drawn.
    g.fillStyle(0xffffff, 1).fillCircle(left + 5, sound.y + sound.height - 5, 4);
    g.fillRect(left + 8, sound.y + 2, 2, sound.height - 7).fillRect(left + 8, sound.y + 2, 7, 2);
    view.add([handle, caption, sound]);
    // The progress bar: how far into the clip the first frame is (a still, no ticking).
    const shown = 0.15 + ((clipSeconds(post) * 7) % 50) / 100;
    g.fillStyle(0xffffff, 0.3).fillRect(0, height - 3, width, 3);
    g.fillStyle(0xffffff, 1).fillRect(0, height - 3, width * shown, 3);
    g.fillStyle(0xffffff, 1).fillCircle(width * shown, height - 2, 4);
    const media: PostLayout['media'] = post.media
      ? [{ box: { x: 0, y: 0, width, height }, under: true }]
      : [];
    // Over a video only the top bar with its labels, the rail and the caption hold anything.
    const content = post.media
      ? [
          { x: 0, y: 0, width, height: 82 },
          { x: railX - 30, y: railTop - 8, width: width - railX + 30, height: railHeight + 8 },
          { x: 0, y: captionTop - 12, width, height: height - captionTop + 12 },
        ]
      : undefined;
    if (!post.media) {
      // No media: the clip is its text on a colour, as the app's text posts are.
      const back = scene.add.graphics();
      back.fillStyle(high ? 0x000000 : 0x2b2140, 1).fillRect(0, 0, width, height);
      view.addAt(back, 0);
    }
    // The comment count opens the post at its comments; like, share and follow are scenery.
    const commentsY =
      railTop + 82 + counts.findIndex((count) => count.icon === 'comment') * 62 - 24;
    const controls = [
      { kind: 'comments' as const, box: { x: railX - 30, y: commentsY, width: 60, height: 60 } },
    ];
    return { view, height, media, content, controls };
  },
};

function avatarTint(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) hash = (hash * 31 + seed.charCodeAt(i)) >>> 0;
  return 0x808080 | (hash & 0x7f7f7f);
}
