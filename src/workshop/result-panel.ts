/** The end of a workshop: the student's result as a code, a file and a QR code. */
import { encodeResult, resultToFileText, type WorkshopResult } from '../core/workshop/result';
import { ADD_RESULT_HASH } from '../core/workshop/scan';
import type { GameContext } from '../scenes/context';
import { button, el, openPanel } from '../ui/dialog';
import { copyText, download, field, pageUrl, qrImage } from './share';

export function showResultPanel(
  ctx: GameContext,
  result: WorkshopResult,
  onClose?: () => void,
): void {
  const { t } = ctx.translator;
  const close = () => {
    panel.close();
    onClose?.();
  };
  const panel = openPanel(ctx.layer, t('workshop:result.title'), close);
  const { summary } = result;
  panel.body.append(
    el('p', t('workshop:result.intro')),
    el(
      'p',
      t('workshop:result.summary', {
        nickname: result.nickname,
        hits: summary.hits,
        manipulative: summary.hits + summary.misses,
        falseAlarms: summary.falseAlarms,
        genuine: summary.falseAlarms + summary.correctPasses,
      }),
    ),
  );
  const code = encodeResult(result);
  const area = el('textarea', null, 'code');
  area.readOnly = true;
  area.rows = 4;
  area.value = code;
  panel.body.append(field(area, t('workshop:result.code')).wrapper);
  const status = el('p', null, 'meta');
  status.setAttribute('role', 'status');
  const actions = el('div', null, 'row');
  actions.append(
    button(t('workshop:result.download'), () =>
      download(
        `flag-the-feed-${result.nickname.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.json`,
        resultToFileText(result),
        'application/json',
      ),
    ),
    button(t('workshop:result.copy'), () => {
      void copyText(area).then((copied) => {
        status.textContent = copied ? t('workshop:copied') : t('workshop:copyByHand');
      });
    }),
    button(t('workshop:result.done'), close, 'primary'),
  );
  panel.body.append(actions, status);
  // Scanned with a phone's camera, it opens the class dashboard with this result added.
  const qr = qrImage(
    `${pageUrl({ dashboard: '' })}${ADD_RESULT_HASH}${code}`,
    t('workshop:result.qr'),
  );
  panel.body.append(qr ?? el('p', t('workshop:result.qrTooLong'), 'meta'));
  panel.heading.focus();
}
