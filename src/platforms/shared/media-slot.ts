/**
 * The one place a post's picture or video is drawn, so every platform's layout gets
 * the same pictures: src/pictures/ composes them from the level's picture data, or
 * from a default chosen from the media description.
 */
export {
  addPicture as drawMedia,
  type Box as MediaBox,
  PICTURE_SETTLED as MEDIA_SETTLED,
  pictureShown as mediaShown,
  type RestingLayer,
} from '../../pictures';
