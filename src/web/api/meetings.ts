import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/meetings';
import { api } from './client';

/** Team meetings (issue 16, T3): a team's meetings, one meeting, meeting mode and its live stream. */

export type Meeting = Wire<typeof c.MeetingDetail>;
export type NewMeeting = Wire<typeof c.MeetingCreate>;
export type MeetingChange = Wire<typeof c.MeetingUpdate>;

export const meetingKeys = {
  all: ['meetings'] as const,
  team: (teamId: string | undefined) => ['meetings', 'team', teamId] as const,
  one: (id: string | undefined) => ['meetings', 'one', id] as const,
  minutes: (id: string | undefined) => ['meetings', 'minutes', id] as const,
};

export const useTeamMeetings = (teamId: string | undefined) =>
  useQuery({
    queryKey: meetingKeys.team(teamId),
    queryFn: () => api<Wire<typeof c.MeetingPage>>(`/teams/${teamId}/meetings`, { query: { limit: 50 } }),
    enabled: !!teamId,
    retry: false,
  });

export const useMeeting = (id: string | undefined) =>
  useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: () => api<Meeting>(`/meetings/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useMinutes = (id: string | undefined) =>
  useQuery({
    queryKey: meetingKeys.minutes(id),
    queryFn: () => api<Wire<typeof c.Minutes>>(`/meetings/${id}/minutes`),
    enabled: !!id,
    retry: false,
  });

/** A change to a meeting that answers its new state (kept in the cache at once). */
export function useMeetingAction<V>(id: string | undefined, call: (v: V) => Promise<Meeting>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (m) => {
      qc.setQueryData(meetingKeys.one(id), m);
      void qc.invalidateQueries({ queryKey: meetingKeys.team(m.teamId) });
    },
  });
}

export const meetingApi = {
  create: (teamId: string, v: NewMeeting) =>
    api<Meeting>(`/teams/${teamId}/meetings`, { method: 'POST', body: v }),
  update: (id: string, v: MeetingChange) => api<Meeting>(`/meetings/${id}`, { method: 'PATCH', body: v }),
  decide: (id: string, body: string) =>
    api<Meeting>(`/meetings/${id}/decisions`, { method: 'POST', body: { body } }),
  addAction: (id: string, v: Wire<typeof c.ActionCreate>) =>
    api<Meeting>(`/meetings/${id}/actions`, { method: 'POST', body: v }),
  start: (id: string) => api<Meeting>(`/meetings/${id}/start`, { method: 'POST' }),
  end: (id: string) => api<Meeting>(`/meetings/${id}/end`, { method: 'POST' }),
  startRound: (id: string, v: Wire<typeof c.RoundCreate>) =>
    api<Meeting>(`/meetings/${id}/rounds`, { method: 'POST', body: v }),
  next: (roundId: string) => api<Meeting>(`/rounds/${roundId}/next`, { method: 'POST' }),
  endRound: (roundId: string) => api<Meeting>(`/rounds/${roundId}/end`, { method: 'POST' }),
  contribute: (roundId: string, v: Wire<typeof c.ContributionCreate>) =>
    api<Wire<typeof c.Contribution>>(`/rounds/${roundId}/contributions`, { method: 'POST', body: v }),
};

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';
/** After a refused stream (e.g. 503 inquiry.live_busy with Retry-After: 10), the page tries again this much later. */
const LIVE_RETRY_MS = 10_000;

/**
 * The meeting as its live stream tells it (EventSource on /meetings/:id/live): every `state` event replaces it.
 * `closed` (e.g. the person left the team) ends the stream for good; a lost connection reconnects by itself.
 * `offset` is the server's clock minus this device's, for countdowns.
 */
export function useLiveMeeting(id: string | undefined) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (!id) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      const s = new EventSource(`/api/v1/meetings/${id}/live`);
      source = s;
      s.addEventListener('open', () => setStatus('live'));
      s.addEventListener('error', () => {
        if (s.readyState !== EventSource.CLOSED) return setStatus('reconnecting');
        // Refused rather than lost (a busy server's 503, say): the browser gives up, so try again in a while
        // while the meeting is still ours to read; gone (404, signed out) ends it.
        setStatus('reconnecting');
        retry = setTimeout(async () => {
          const still = await fetch(`/api/v1/meetings/${id}`, { credentials: 'same-origin' }).catch(
            () => null,
          );
          if (stopped) return;
          if (still?.ok) connect();
          else setStatus('closed');
        }, LIVE_RETRY_MS);
      });
      s.addEventListener('state', (e) => {
        const m = JSON.parse((e as MessageEvent<string>).data) as Meeting;
        setOffset(new Date(m.serverNow).getTime() - Date.now());
        qc.setQueryData(meetingKeys.one(id), m);
        setStatus('live');
      });
      s.addEventListener('closed', () => {
        s.close();
        stopped = true;
        setStatus('closed');
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [id, qc]);
  return { status, offset };
}
