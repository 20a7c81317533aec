/** Limits of team meetings (issue 16, T3): nothing a meeting holds grows without bound. */
export const MEETING_LIMITS = {
  title: 200,
  purpose: 4000,
  notes: 20000,
  agendaItems: 30,
  prompt: 500,
  speakers: 40,
  contribution: 2000,
  decision: 2000,
  roundsPerMeeting: 40,
  /** One person's contributions in one round. */
  contributionsPerPerson: 20,
  decisionsPerMeeting: 100,
  /** Open live streams of one person in one process (the oldest is closed when a new one comes). */
  streamsPerPerson: 4,
  /**
   * Open live streams in one process: each holds a socket and a little memory; past this a new one is refused
   * (503 inquiry.live_busy with Retry-After, the client retries) rather than starving the process. Several
   * processes share the load behind a proxy. The default of MEETING_STREAMS_MAX.
   */
  streamsPerProcess: 2000,
} as const;

/** Seconds between the live stream's heartbeat comments (proxies close streams idle for 30–60 s). */
export const MEETING_HEARTBEAT_SECONDS = 15;
