import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createEvent,
  createFilePost,
  createPost,
  type NewEvent,
  useCommunityRefresh,
} from '../../api/communities';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FileField, RadioGroupField, TextAreaField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

const KINDS = ['question', 'tip', 'link', 'file', 'event'] as const;
type Kind = (typeof KINDS)[number];
const FIELDS = ['body', 'url', 'file', 'title', 'date', 'start', 'end', 'place', 'onlineUrl'] as const;
/** What the server accepts (file-type.ts); the server checks the content, this only helps the picker. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.txt,.md';
const MAX_BYTES = 10 * 1024 * 1024;

const str = (d: FormData, k: string) => String(d.get(k) ?? '').trim();

/** Members write in the community: a question, a tip, a link, a file or an event. */
export function PostComposer({
  communityId,
  onPosted,
}: {
  communityId: string;
  onPosted: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('question');
  const [busy, setBusy] = useState(false);
  const form = useForm(FIELDS);
  const refresh = useCommunityRefresh();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const el = e.currentTarget;
    const d = new FormData(el);
    const body = str(d, 'body');
    const need = (k: (typeof FIELDS)[number], ok: boolean, message: string) => (ok ? {} : { [k]: message });
    let errors = {};
    if (kind === 'question' || kind === 'tip')
      errors = need('body', !!body, t('communities.posts.bodyRequired'));
    if (kind === 'link')
      errors = need('url', /^https?:\/\/\S+$/i.test(str(d, 'url')), t('communities.posts.urlInvalid'));
    const file = d.get('file');
    if (kind === 'file') {
      const chosen = file instanceof File && file.size > 0;
      errors = chosen
        ? need('file', (file as File).size <= MAX_BYTES, t('communities.posts.fileTooLarge'))
        : { file: t('communities.posts.fileRequired') };
    }
    const event: NewEvent | null =
      kind === 'event'
        ? {
            title: str(d, 'title'),
            date: str(d, 'date'),
            start: str(d, 'start'),
            end: str(d, 'end'),
            place: str(d, 'place'),
            onlineUrl: str(d, 'onlineUrl') || undefined,
            body,
          }
        : null;
    if (event)
      errors = {
        ...need('title', !!event.title, t('communities.posts.titleRequired')),
        ...need('date', /^\d{4}-\d{2}-\d{2}$/.test(event.date), t('communities.posts.dateRequired')),
        ...need('start', /^\d{2}:\d{2}$/.test(event.start), t('communities.posts.timeRequired')),
        ...need(
          'end',
          /^\d{2}:\d{2}$/.test(event.end) && event.end > event.start,
          t('communities.posts.endAfterStart'),
        ),
        ...need('place', !!event.place || !!event.onlineUrl, t('communities.posts.placeRequired')),
        ...need(
          'onlineUrl',
          !event.onlineUrl || /^https?:\/\/\S+$/i.test(event.onlineUrl),
          t('communities.posts.urlInvalid'),
        ),
      };
    if (form.invalid(errors)) return;
    setBusy(true);
    try {
      if (event) await createEvent(communityId, event);
      else if (kind === 'file') await createFilePost(communityId, file as File, body);
      else
        await createPost(communityId, {
          kind: kind as 'question' | 'tip' | 'link',
          body,
          ...(kind === 'link' ? { url: str(d, 'url') } : {}),
        });
      el.reset();
      form.reset();
      await refresh();
      onPosted(t(kind === 'event' ? 'communities.posts.eventCreated' : 'communities.posts.posted'));
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  const e = form.errors;
  return (
    <section className="card post-composer" aria-labelledby="post-composer-title">
      <h2 id="post-composer-title">{t('communities.posts.composerTitle')}</h2>
      <form ref={form.formRef} noValidate onSubmit={submit}>
        <ErrorAlert message={form.summary} />
        <RadioGroupField
          legend={t('communities.posts.kindLegend')}
          name="kind"
          value={kind}
          onChange={(k) => {
            setKind(k);
            form.reset();
          }}
          choices={KINDS.map((k) => ({ value: k, label: t(`communities.posts.kinds.${k}`) }))}
        />
        {kind === 'link' && (
          <TextField
            label={t('communities.posts.url')}
            name="url"
            type="url"
            inputMode="url"
            maxLength={2000}
            hint={t('communities.posts.urlHint')}
            error={e.url}
          />
        )}
        {kind === 'file' && (
          <FileField
            label={t('communities.posts.file')}
            name="file"
            accept={ACCEPT}
            hint={t('communities.posts.fileHint')}
            error={e.file}
          />
        )}
        {kind === 'event' && (
          <>
            <TextField
              label={t('communities.posts.eventTitle')}
              name="title"
              maxLength={200}
              autoComplete="off"
              error={e.title}
            />
            <div className="event-times">
              <TextField label={t('communities.posts.date')} name="date" type="date" error={e.date} />
              <TextField label={t('communities.posts.start')} name="start" type="time" error={e.start} />
              <TextField label={t('communities.posts.end')} name="end" type="time" error={e.end} />
            </div>
            <p className="hint">{t('communities.posts.timeZoneHint')}</p>
            <TextField
              label={t('communities.posts.place')}
              name="place"
              optional
              maxLength={300}
              hint={t('communities.posts.placeHint')}
              error={e.place}
            />
            <TextField
              label={t('communities.posts.onlineUrl')}
              name="onlineUrl"
              type="url"
              inputMode="url"
              optional
              maxLength={2000}
              error={e.onlineUrl}
            />
          </>
        )}
        <TextAreaField
          label={t(
            kind === 'question'
              ? 'communities.posts.question'
              : kind === 'tip'
                ? 'communities.posts.tip'
                : kind === 'event'
                  ? 'communities.posts.eventDescription'
                  : 'communities.posts.about',
          )}
          name="body"
          optional={kind !== 'question' && kind !== 'tip'}
          rows={4}
          maxLength={kind === 'file' ? 2000 : 10_000}
          hint={t('communities.posts.bodyHint')}
          error={e.body}
        />
        <Button type="submit" busy={busy}>
          {t(kind === 'event' ? 'communities.posts.createEvent' : 'communities.posts.submit')}
        </Button>
      </form>
    </section>
  );
}
