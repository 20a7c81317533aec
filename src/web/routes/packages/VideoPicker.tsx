import { useEffect, useState } from 'react';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type PackageVideo, usePickerVideos } from '../../api/packages';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { formatTime } from '../../components/player/format';

function Results({ q, onPick }: { q: string; onPick: (v: PackageVideo) => void }) {
  const { t } = useTranslation();
  const query = usePickerVideos(q);
  if (query.isPending) return <Loading />;
  if (query.isError) return <RequestError error={query.error} />;
  const items = query.data.items.filter((v) => v.status === 'ready');
  return (
    <>
      <p role="status" className="muted">
        {items.length ? t('packages.picker.found', { count: items.length }) : t('packages.picker.none')}
      </p>
      <ul className="pkg-picker-list">
        {items.map((v) => (
          <li key={v.id} className="pkg-picker-row">
            <span className="pkg-picker-thumb">
              {v.posterUrl ? <img src={v.posterUrl} alt="" /> : <span className="video-thumb-empty" />}
            </span>
            <span className="pkg-picker-title">
              {v.title}
              {v.durationSeconds ? <span className="muted"> · {formatTime(v.durationSeconds)}</span> : null}
            </span>
            <Button variant="secondary" onClick={() => onPick(v)}>
              {t('packages.picker.choose')}
              <span className="sr-only"> {v.title}</span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Tilføj video": a dialog that searches the videos the editor may watch and adds the one chosen. */
export function VideoPicker({ disabled, onPick }: { disabled?: boolean; onPick: (v: PackageVideo) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) setText('');
      }}
    >
      <AriaButton className="btn btn-secondary" isDisabled={disabled}>
        {t('packages.items.addVideo')}
      </AriaButton>
      <ModalOverlay className="modal-overlay" isDismissable isOpen={open} onOpenChange={setOpen}>
        <Modal className="modal modal-wide">
          <Dialog className="dialog">
            <Heading slot="title" level={2}>
              {t('packages.picker.title')}
            </Heading>
            <p className="muted">{t('packages.picker.hint')}</p>
            <search>
              <TextField
                label={t('packages.picker.search')}
                type="search"
                required={false}
                value={text}
                autoFocus
                onChange={(e) => setText(e.target.value)}
              />
            </search>
            <Results
              q={q}
              onPick={(v) => {
                setOpen(false);
                onPick(v);
              }}
            />
            <div className="dialog-actions">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
