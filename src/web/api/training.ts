import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CourseState, EnrolmentStatus } from '../../shared/training';
import { ApiError, api } from './client';
import type { Me, Page } from './types';

/** Demand-driven training (V7): asking for training in a method, the overview, courses and enrolment. */

export type Ref = { id: string; name: string };
export type MethodRef = { id: string; label: string };
export type CourseRef = { id: string; state: CourseState; title: string };

/** One method's demand as the asking person sees it. */
export type MethodDemand = {
  method: MethodRef;
  count: number;
  threshold: number;
  missing: number;
  mine: { asked: boolean; viaTeam: Ref | null; requestedByName: string | null };
  /** My teams; `alreadyAsked`: how many of the team's members have asked already. */
  teams: { id: string; name: string; memberCount: number; alreadyAsked: number }[];
  course: CourseRef | null;
};

export type DocumentedCourse = {
  courseId: string;
  courseTitle: string;
  methodLabel: string;
  /** False when I may watch the documentation but not open the course itself. */
  canOpenCourse?: boolean;
  documentationVideo: { id: string; title: string } | null;
};

export type VideoTraining = { threshold: number; methods: MethodDemand[]; documented: DocumentedCourse[] };

export type MyRequest = {
  method: MethodRef;
  video: { id: string; title: string } | null;
  viaTeam: Ref | null;
  requestedByName?: string | null;
  createdAt: string;
  course: CourseRef | null;
};

export type TrainingOverview = {
  threshold: number;
  canConfigure: boolean;
  methods: {
    method: MethodRef;
    count: number;
    missing: number;
    institutions: number;
    course: CourseRef | null;
  }[];
  courses: Record<CourseState, number>;
  trained: { requesters: number; trained: number };
};

export type Coverage = { methods: (MethodRef & { covered: boolean })[] };

export type CourseListItem = {
  id: string;
  title: string;
  state: CourseState;
  method: MethodRef;
  capacity: number | null;
  counts: { requests: number; enrolled: number; waiting: number };
  nextSession: { startsAt: string } | null;
  myStatus: EnrolmentStatus | null;
  requester: boolean;
};

export type CourseSession = {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
};

export type CourseDetail = {
  id: string;
  state: CourseState;
  title: string;
  description: string | null;
  method: MethodRef;
  capacity: number | null;
  counts: { requests: number; enrolled: number; waiting: number; invited: number };
  planner: Ref | null;
  trainers: Ref[];
  institutions: Ref[];
  requestInstitutions: (Ref & { count: number })[];
  sessions: CourseSession[];
  sourceVideos: { id: string; title: string }[];
  documentationVideo: { id: string; title: string } | null;
  requesters?: {
    id: string;
    name: string;
    institutionName: string | null;
    viaTeam: boolean;
    teamName: string | null;
    videoTitle: string | null;
  }[];
  my: { requester: boolean; enrolment: EnrolmentStatus | null; waitingPosition: number | null };
  can: { manage: boolean; enrol: boolean; requesters: boolean };
  calendarUrl: string | null;
  proposedAt?: string | null;
  plannedAt?: string | null;
  openedAt?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  documentedAt?: string | null;
};

export type Participant = {
  id: string;
  name: string;
  status: EnrolmentStatus;
  queuedAt: string | null;
  requester: boolean;
};

/** My place in a course, as `my` of the course says it. */
export type EnrolmentAnswer = { status: EnrolmentStatus | null; waitingPosition: number | null };

export type CourseInput = {
  title: string;
  description: string;
  capacity: number | null;
  trainerIds: string[];
  institutionIds: string[];
};

export type SessionInput = { startsAt: string; endsAt: string; place: string; onlineUrl?: string };

/** Where to go next through the course's life, in order. */
export const NEXT_STATE: Partial<Record<CourseState, 'planned' | 'open' | 'running' | 'completed'>> = {
  proposed: 'planned',
  planned: 'open',
  open: 'running',
  running: 'completed',
};

/** True for a refusal that means "this is not for you" (the section is then left out). */
export const isForbidden = (err: unknown) => err instanceof ApiError && err.status === 403;

export const sessionIcsUrl = (sessionId: string) => `/api/v1/training/sessions/${sessionId}/ics`;

/** The feed as an absolute address (the server may answer with a path). */
export const absoluteUrl = (url: string) => (url.startsWith('/') ? `${window.location.origin}${url}` : url);

// --- Asking -------------------------------------------------------------------------------------------------

export const videoTrainingKey = (videoId: string) => ['video', videoId, 'training'];
export const methodDemandKey = (methodId: string) => ['training', 'method', methodId];

export const useVideoTraining = (videoId: string, enabled = true) =>
  useQuery({
    queryKey: videoTrainingKey(videoId),
    queryFn: () => api<VideoTraining>(`/videos/${videoId}/training`),
    enabled,
  });

export const useMethodDemand = (methodId: string | undefined) =>
  useQuery({
    queryKey: methodDemandKey(methodId ?? ''),
    queryFn: () => api<MethodDemand>(`/training/methods/${methodId}/demand`),
    enabled: !!methodId,
    retry: false,
  });

export const askTraining = (body: { methodId: string; videoId?: string; teamId?: string }) =>
  api<MethodDemand>('/training/requests', { method: 'POST', body });

export const withdrawTraining = (methodId: string) =>
  api<MethodDemand>(`/training/requests/${methodId}`, { method: 'DELETE' });

/** After asking or withdrawing: put the new figures everywhere they are shown, refresh the lists. */
export function useDemandUpdate() {
  const qc = useQueryClient();
  return (d: MethodDemand) => {
    qc.setQueryData(methodDemandKey(d.method.id), d);
    for (const [key, data] of qc.getQueriesData<VideoTraining>({ queryKey: ['video'] })) {
      if (key[2] !== 'training' || !data) continue;
      if (!data.methods.some((m) => m.method.id === d.method.id)) continue;
      qc.setQueryData<VideoTraining>(key, {
        ...data,
        methods: data.methods.map((m) => (m.method.id === d.method.id ? d : m)),
      });
    }
    void qc.invalidateQueries({ queryKey: ['training', 'mine'] });
    void qc.invalidateQueries({ queryKey: ['training', 'overview'] });
    void qc.invalidateQueries({ queryKey: ['training', 'courses'] });
  };
}

export const useMyRequests = () =>
  useQuery({
    queryKey: ['training', 'mine', 'requests'],
    queryFn: async () => (await api<{ items: MyRequest[] }>('/training/requests/mine')).items,
  });

// --- Overview -----------------------------------------------------------------------------------------------

/** Who may see the overview (the server decides; this only spares the others a refused request). */
export const mayOverview = (me: Me | null | undefined) =>
  !!me &&
  (me.capabilities.administer ||
    me.capabilities.curate ||
    me.grants.some(
      (g) => g.role === 'forvaltning' || g.role === 'ressourceperson' || g.role === 'redaktoer',
    ));

export const useTrainingOverview = (enabled: boolean) =>
  useQuery({
    queryKey: ['training', 'overview'],
    queryFn: () => api<TrainingOverview>('/training/overview'),
    retry: (n, err) => !isForbidden(err) && n < 2,
    enabled,
  });

export const saveThreshold = (threshold: number) =>
  api<unknown>('/training/settings', { method: 'PUT', body: { threshold } });

export const useCoverage = (enabled: boolean) =>
  useQuery({
    queryKey: ['training', 'coverage'],
    queryFn: () => api<Coverage>('/training/coverage'),
    enabled,
    retry: (n, err) => !isForbidden(err) && n < 2,
  });

export const saveCoverage = (methodIds: string[]) =>
  api<Coverage>('/training/coverage', { method: 'PUT', body: { methodIds } });

// --- Courses ------------------------------------------------------------------------------------------------

export const useCourses = (filter: { state?: CourseState; mine?: boolean }, enabled = true) =>
  useInfiniteQuery({
    queryKey: ['training', 'courses', filter],
    queryFn: ({ pageParam }) =>
      api<Page<CourseListItem>>('/training/courses', {
        query: { state: filter.state, mine: filter.mine ? 1 : undefined, limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const courseKey = (id: string) => ['training', 'course', id];

export const useCourse = (id: string | undefined) =>
  useQuery({
    queryKey: courseKey(id ?? ''),
    queryFn: () => api<CourseDetail>(`/training/courses/${id}`),
    enabled: !!id,
  });

export const useParticipants = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...courseKey(id), 'participants'],
    queryFn: () => api<Participant[]>(`/training/courses/${id}/participants`),
    enabled,
  });

/** After a change to a course: take the answer if it is the course, refresh it and the lists. */
export function useCourseRefresh(id: string) {
  const qc = useQueryClient();
  return async (answer?: unknown) => {
    void qc.invalidateQueries({ queryKey: ['training', 'courses'] });
    void qc.invalidateQueries({ queryKey: ['training', 'overview'] });
    void qc.invalidateQueries({ queryKey: ['training', 'mine'] });
    if (answer && typeof answer === 'object' && 'id' in answer && 'sessions' in answer) {
      // The answer is the course as it now is: show it at once; the participants are asked again.
      qc.setQueryData(courseKey(id), answer as CourseDetail);
      void qc.invalidateQueries({ queryKey: [...courseKey(id), 'participants'] });
      return;
    }
    await qc.invalidateQueries({ queryKey: courseKey(id) });
  };
}

// Every change to a course answers with the course as it now is.
export const updateCourse = (id: string, body: CourseInput) =>
  api<CourseDetail>(`/training/courses/${id}`, { method: 'PUT', body });

export const addSession = (id: string, body: SessionInput) =>
  api<CourseDetail>(`/training/courses/${id}/sessions`, { method: 'POST', body });

export const updateSession = (id: string, sessionId: string, body: SessionInput) =>
  api<CourseDetail>(`/training/courses/${id}/sessions/${sessionId}`, { method: 'PUT', body });

export const deleteSession = (id: string, sessionId: string) =>
  api<CourseDetail>(`/training/courses/${id}/sessions/${sessionId}`, { method: 'DELETE' });

export const changeCourseState = (id: string, to: 'planned' | 'open' | 'running' | 'completed') =>
  api<CourseDetail>(`/training/courses/${id}/state`, { method: 'POST', body: { to } });

export const setDocumentation = (id: string, videoId: string) =>
  api<CourseDetail>(`/training/courses/${id}/documentation`, { method: 'PUT', body: { videoId } });

export const enrol = (id: string) =>
  api<CourseDetail>(`/training/courses/${id}/enrolment`, { method: 'POST' });

export const cancelEnrolment = (id: string) =>
  api<CourseDetail>(`/training/courses/${id}/enrolment`, { method: 'DELETE' });

/** My own ready videos, for choosing a course's documentation video. */
export const useMyReadyVideos = (enabled: boolean) =>
  useQuery({
    queryKey: ['videos', 'mine-ready'],
    queryFn: async () => {
      const page = await api<Page<{ id: string; title: string; status: string; visibility: string }>>(
        '/videos',
        { query: { mine: true, limit: 50 } },
      );
      return page.items.filter((v) => v.status === 'ready');
    },
    enabled,
  });
