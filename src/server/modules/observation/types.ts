import type { z } from 'zod';
import type * as data from '../../../shared/contracts/observation-data.js';
import type * as setup from '../../../shared/contracts/observation-setup.js';
import type * as visits from '../../../shared/contracts/observation-visits.js';

/**
 * Observation's answers as the services build them: the output side of the contracts in
 * src/shared/contracts/observation-*.ts (a timestamp may be a Date; the route writes it as its ISO string).
 */
export type ObservationMe = z.output<typeof setup.ObservationMe>;
export type ObservationStarter = z.output<typeof setup.ObservationStarter>;
export type SchemaVersion = z.output<typeof setup.SchemaVersion>;
export type SchemaOverview = z.output<typeof setup.SchemaOverview>;
export type VisitGuide = z.output<typeof setup.VisitGuide>;
export type ObserversList = z.output<typeof setup.ObserversList>;
export type VisitSummary = z.output<typeof visits.VisitSummary>;
export type VisitDetail = z.output<typeof visits.VisitDetail>;
export type Answer = z.output<typeof visits.Answer>;
export type RecordResult = z.output<typeof visits.RecordResult>;
export type DataCell = z.output<typeof data.DataCell>;
export type ObservationData = z.output<typeof data.ObservationData>;
