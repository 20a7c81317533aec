export { EVENTS_CHANNEL, EventBus } from './bus.js';
export type { DomainEvent, EventOf, EventType } from './types.js';
