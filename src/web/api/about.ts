import { useQuery } from '@tanstack/react-query';
import type * as c from '../../shared/contracts/about';
import type { Wire } from '../../shared/contracts/common';
import { api } from './client';

/** Who runs this Amongi and its official accessibility statement (the statement and privacy pages). */
export const useAbout = () =>
  useQuery({
    queryKey: ['about'],
    queryFn: () => api<Wire<typeof c.About>>('/about'),
    staleTime: Number.POSITIVE_INFINITY,
  });
