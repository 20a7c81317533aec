import type { ReactNode } from 'react';
import { Loading, RequestError } from './Alert';

type QueryLike<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };

/** The states of a loaded list: loading, failed, empty (a short text), or the content built from the data. */
export function QueryView<T>({
  query,
  empty,
  children,
}: {
  query: QueryLike<T>;
  /** Text shown instead of the content when there is nothing to show; false/undefined when there is. */
  empty?: string | false;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <RequestError error={query.error} />;
  if (empty) return <p className="muted">{empty}</p>;
  return <>{children(query.data as T)}</>;
}
