import { type FormEvent, type ReactNode, useState } from 'react';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { type Errors, useForm } from './useForm';

type TriggerProps = {
  /** Visible text of the button that opens the dialog. */
  triggerLabel: string;
  /** Extra words for screen readers, e.g. the name of the row ("Slet" + " Matematikteamet"). */
  triggerContext?: string;
  triggerVariant?: 'primary' | 'secondary' | 'danger' | 'link';
  title: string;
};

function Trigger({ triggerLabel, triggerContext, triggerVariant = 'secondary' }: TriggerProps) {
  return (
    <AriaButton className={`btn btn-${triggerVariant}`}>
      {triggerLabel}
      {triggerContext && <span className="sr-only"> {triggerContext}</span>}
    </AriaButton>
  );
}

function Shell({
  open,
  setOpen,
  busy,
  children,
}: {
  open: boolean;
  setOpen: (v: boolean) => void;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable={!busy} isOpen={open} onOpenChange={setOpen}>
      <Modal className="modal">
        <Dialog className="dialog">{children}</Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * "Are you sure?" before a destructive action (or, with confirmVariant primary, an irreversible step forward).
 * Closes when onConfirm resolves; shows the error if it fails.
 */
export function ConfirmDialog(
  props: TriggerProps & {
    children: ReactNode;
    confirmLabel: string;
    confirmVariant?: 'primary' | 'danger';
    onConfirm: () => Promise<unknown>;
  },
) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) setError(null);
      }}
    >
      <Trigger {...props} triggerVariant={props.triggerVariant ?? 'danger'} />
      <Shell open={open} setOpen={setOpen} busy={busy}>
        <Heading slot="title" level={2}>
          {props.title}
        </Heading>
        <div className="dialog-body">{props.children}</div>
        <ErrorAlert message={error} />
        <div className="dialog-actions">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button variant={props.confirmVariant ?? 'danger'} busy={busy} onClick={confirm}>
            {props.confirmLabel}
          </Button>
        </div>
      </Shell>
    </DialogTrigger>
  );
}

/** A small form in a dialog (edit a name, …). onSubmit gets the form data; it closes when the promise resolves. */
export function FormDialog<F extends string>(
  props: TriggerProps & {
    fields: readonly F[];
    submitLabel: string;
    validate?: (data: FormData) => Errors<F>;
    onSubmit: (data: FormData) => Promise<unknown>;
    children: (errors: Errors<F>) => ReactNode;
  },
) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useForm(props.fields);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    if (props.validate && form.invalid(props.validate(data))) return;
    setBusy(true);
    try {
      await props.onSubmit(data);
      form.reset();
      setOpen(false);
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(v) => {
        setOpen(v);
        if (v) form.reset();
      }}
    >
      <Trigger {...props} />
      <Shell open={open} setOpen={setOpen} busy={busy}>
        <Heading slot="title" level={2}>
          {props.title}
        </Heading>
        <form ref={form.formRef} noValidate onSubmit={submit}>
          <ErrorAlert message={form.summary} />
          {props.children(form.errors)}
          <div className="dialog-actions">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" busy={busy}>
              {props.submitLabel}
            </Button>
          </div>
        </form>
      </Shell>
    </DialogTrigger>
  );
}
