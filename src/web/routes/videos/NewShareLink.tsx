import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewShare } from '../../api/videos';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../i18n';

const canShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/** A link that was just made: shown once, with Copy and (on phones) the system's Share sheet. */
export function NewShareLink({ share, title }: { share: NewShare; title: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(share.url);
      setNotice(t('shares.copied'));
    } catch {
      // No clipboard access (e.g. not https): select the text so Ctrl+C / long-press copies it.
      input.current?.focus();
      input.current?.select();
      setNotice(t('shares.copyManually'));
    }
  }

  async function webShare() {
    try {
      await navigator.share({ title, text: t('shares.shareText', { title }), url: share.url });
    } catch {
      /* the person closed the share sheet */
    }
  }

  return (
    <div className="new-share">
      <TextField
        ref={input}
        label={t('shares.newLink')}
        hint={
          share.expiresAt
            ? t('shares.newLinkHint', { date: formatDateTime(share.expiresAt) })
            : t('shares.newLinkHintNever')
        }
        name="shareUrl"
        value={share.url}
        readOnly
        required={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="form-actions">
        <Button onClick={copy}>{t('shares.copy')}</Button>
        {canShare() && (
          <Button variant="secondary" onClick={webShare}>
            {t('shares.webShare')}
          </Button>
        )}
      </div>
      <Notice message={notice} />
    </div>
  );
}
