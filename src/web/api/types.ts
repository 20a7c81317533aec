/**
 * Transitional: the web's types come from the contracts (src/shared/contracts) through each area's api file.
 * `Page` and `Me` stay here until the last areas import theirs from there.
 */
export type { Me } from './people';

/** One page of a list (`Wire<typeof page(item)>` in the contracts). */
export type Page<T> = { items: T[]; nextCursor: string | null };
