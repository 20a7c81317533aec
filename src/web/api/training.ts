import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { personRef, Wire } from '../../shared/contracts/common';
import type * as s from '../../shared/contracts/search';
import type * as c from '../../shared/contracts/training';
import type { CourseState, EnrolmentStatus } from '../../shared/training';
import { ApiError, api } from './client';
import type { Me } from './people';
import { videoKeys } from './videos';

/** Demand-driven training (V7): asking for training in a method, the overview, courses and enrolment. */

export type Ref = Wire<typeof personRef>;
export type CourseRef = Wire<typeof c.CourseRef>;
/** One method's demand as the asking person sees it. */
export type MethodDemand = Wire<typeof c.MethodDemand>;
export type DocumentedCourse = Wire<typeof c.DocumentedCourse>;
export type VideoTraining = Wire<typeof c.VideoTraining>;
export type MyRequest = Wire<typeof c.MyRequest>;
export type TrainingOverview = Wire<typeof c.TrainingOverview>;
export type StaffDemand = Wire<typeof c.StaffDemand>;
export type Coverage = Wire<typeof c.Coverage>;
export type CourseListItem = Wire<typeof c.CourseSummary>;
export type CourseSession = Wire<typeof c.CourseSession>;
export type CourseDetail = Wire<typeof c.CourseDetail>;
export type Participant = Wire<typeof c.Participants>[number];
export type CourseInput = Wire<typeof c.CourseUpdate>;
export type SessionInput = Wire<typeof c.SessionInput>;

/** My place in a course, as `my` of the course says it. */
export type EnrolmentAnswer = { status: EnrolmentStatus | null; waitingPosition: number | null };

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

/** Every query key of training; `all` marks everything stale. A video's panel lives under the video's key. */
export const trainingKeys = {
  all: ['training'] as const,
  method: (methodId: string) => ['training', 'method', methodId] as const,
  mine: ['training', 'mine'] as const,
  myRequests: ['training', 'mine', 'requests'] as const,
  overview: ['training', 'overview'] as const,
  staff: (institutionId: string) => ['training', 'staff', institutionId] as const,
  coverage: ['training', 'coverage'] as const,
  courseLists: ['training', 'courses'] as const,
  courses: (filter: { state?: CourseState; mine?: boolean }) => ['training', 'courses', filter] as const,
  course: (id: string) => ['training', 'course', id] as const,
  participants: (id: string) => ['training', 'course', id, 'participants'] as const,
  video: (videoId: string) => [...videoKeys.one(videoId), 'training'] as const,
};

export const useVideoTraining = (videoId: string, enabled = true) =>
  useQuery({
    queryKey: trainingKeys.video(videoId),
    queryFn: () => api<VideoTraining>(`/videos/${videoId}/training`),
    enabled,
  });

export const useMethodDemand = (methodId: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.method(methodId ?? ''),
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
    qc.setQueryData(trainingKeys.method(d.method.id), d);
    for (const [key, data] of qc.getQueriesData<VideoTraining>({ queryKey: videoKeys.each })) {
      if (key[2] !== 'training' || !data) continue;
      if (!data.methods.some((m) => m.method.id === d.method.id)) continue;
      qc.setQueryData<VideoTraining>(key, {
        ...data,
        methods: data.methods.map((m) => (m.method.id === d.method.id ? d : m)),
      });
    }
    void qc.invalidateQueries({ queryKey: trainingKeys.mine });
    void qc.invalidateQueries({ queryKey: trainingKeys.overview });
    void qc.invalidateQueries({ queryKey: trainingKeys.courseLists });
  };
}

export const useMyRequests = () =>
  useQuery({
    queryKey: trainingKeys.myRequests,
    queryFn: async () => (await api<Wire<typeof c.MyRequests>>('/training/requests/mine')).items,
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
    queryKey: trainingKeys.overview,
    queryFn: () => api<TrainingOverview>('/training/overview'),
    retry: (n, err) => !isForbidden(err) && n < 2,
    enabled,
  });

/** The institutions whose staff demand the person sees as their leder (the server's training.staff rule). */
export const ledInstitutions = (me: Me | null | undefined) => [
  ...new Map(
    (me?.grants ?? []).flatMap((g): [string, string][] =>
      g.role === 'leder' && g.institutionId ? [[g.institutionId, g.institutionName ?? '']] : [],
    ),
  ),
];

export const useStaffDemand = (institutionId: string) =>
  useQuery({
    queryKey: trainingKeys.staff(institutionId),
    queryFn: () => api<StaffDemand>(`/training/institutions/${institutionId}/demand`),
    retry: (n, err) => !isForbidden(err) && n < 2,
  });

export const saveThreshold = (threshold: number) =>
  api<Wire<typeof c.ThresholdResult>>('/training/settings', { method: 'PUT', body: { threshold } });

export const useCoverage = (enabled: boolean) =>
  useQuery({
    queryKey: trainingKeys.coverage,
    queryFn: () => api<Coverage>('/training/coverage'),
    enabled,
    retry: (n, err) => !isForbidden(err) && n < 2,
  });

export const saveCoverage = (methodIds: string[]) =>
  api<Coverage>('/training/coverage', { method: 'PUT', body: { methodIds } });

// --- Courses ------------------------------------------------------------------------------------------------

export const useCourses = (filter: { state?: CourseState; mine?: boolean }, enabled = true) =>
  useInfiniteQuery({
    queryKey: trainingKeys.courses(filter),
    queryFn: ({ pageParam }) =>
      api<Wire<typeof c.CoursePage>>('/training/courses', {
        query: { state: filter.state, mine: filter.mine ? 1 : undefined, limit: 20, cursor: pageParam },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const useCourse = (id: string | undefined) =>
  useQuery({
    queryKey: trainingKeys.course(id ?? ''),
    queryFn: () => api<CourseDetail>(`/training/courses/${id}`),
    enabled: !!id,
  });

export const useParticipants = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: trainingKeys.participants(id),
    queryFn: () => api<Participant[]>(`/training/courses/${id}/participants`),
    enabled,
  });

/** After a change to a course: take the answer if it is the course, refresh it and the lists. */
export function useCourseRefresh(id: string) {
  const qc = useQueryClient();
  return async (answer?: unknown) => {
    void qc.invalidateQueries({ queryKey: trainingKeys.courseLists });
    void qc.invalidateQueries({ queryKey: trainingKeys.overview });
    void qc.invalidateQueries({ queryKey: trainingKeys.mine });
    if (answer && typeof answer === 'object' && 'id' in answer && 'sessions' in answer) {
      // The answer is the course as it now is: show it at once; the participants are asked again.
      qc.setQueryData(trainingKeys.course(id), answer as CourseDetail);
      void qc.invalidateQueries({ queryKey: trainingKeys.participants(id) });
      return;
    }
    await qc.invalidateQueries({ queryKey: trainingKeys.course(id) });
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
    queryKey: videoKeys.mineReady(),
    queryFn: async () => {
      const page = await api<Wire<typeof s.SearchAnswer>>('/videos', { query: { mine: true, limit: 50 } });
      return page.items.filter((v) => v.status === 'ready');
    },
    enabled,
  });
