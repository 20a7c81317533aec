import { roleScope } from '../../shared/constants.js';
import {
  decide,
  isAdmin,
  isForvaltningOf,
  isLederOf,
  managesPerson,
  memberInstitutionIds,
  seesInstitution,
  seesKommune,
  seesPerson,
  seesVideo,
} from './predicates.js';
import { decideConversations } from './rules-conversations.js';
import { decideEvaluation } from './rules-evaluation.js';
import { decideInquiry } from './rules-inquiry.js';
import { decideObservation } from './rules-observation.js';
import { decidePractice } from './rules-practice.js';
import { decideProgression } from './rules-progression.js';
import { decideTraining } from './rules-training.js';
import type { Action, Actor, Decision, Resource } from './types.js';

export * from './predicates.js';

/** The one answer to "may this person do this?". Pure: no I/O. */
export function decideAccess(a: Actor, action: Action, r: Resource): Decision {
  const admin = isAdmin(a);
  switch (r.type) {
    case 'instance':
      if (
        action === 'outbox.read' ||
        action === 'person.erase' ||
        action === 'audit.read' ||
        action === 'retention.manage' ||
        action === 'staff_sync.manage' ||
        action === 'identity.manage' ||
        action === 'kommune.create' ||
        action === 'demo.status'
      )
        return decide(true, admin);
      if (action === 'person.list') return decide(true, true);
      // A video belongs to an institution: only people who hold a role in one can upload.
      if (action === 'video.create') return decide(true, memberInstitutionIds(a).length > 0);
      if (action.startsWith('training.')) return decideTraining(a, action, r);
      return decidePractice(a, action, r);
    case 'kommune': {
      if (action === 'observation.data') return decideObservation(a, action, r);
      if (action === 'inquiry.templates') return decideInquiry(a, action, r);
      if (action === 'progression.summary.kommune') return decideProgression(a, action, r);
      const visible = seesKommune(a, r.id);
      if (action === 'kommune.read') return decide(visible, true);
      if (action === 'kommune.pillars') return decide(visible, admin || isForvaltningOf(a, r.id));
      if (action === 'kommune.update' || action === 'kommune.delete' || action === 'institution.create')
        return decide(visible, admin);
      return decide(visible, false);
    }
    case 'institution': {
      const visible = seesInstitution(a, r);
      const manages = admin || isLederOf(a, r.id);
      switch (action) {
        case 'institution.read':
        case 'team.read':
          return decide(visible, true);
        case 'institution.update':
        case 'institution.delete':
          return decide(visible, admin);
        case 'team.create':
        case 'person.invite':
        case 'person.import':
          return decide(visible, manages);
        // The institution's own numbers: its leders, and those who see the whole kommune.
        case 'institution.stats':
          return decide(visible, manages || isForvaltningOf(a, r.kommuneId));
        case 'training.staff':
          return decideTraining(a, action, r);
        case 'conversation.create':
          return decideConversations(a, action, r);
        case 'progression.setup':
        case 'progression.summary.institution':
          return decideProgression(a, action, r);
        default:
          return decide(visible, false);
      }
    }
    case 'team': {
      const visible = seesInstitution(a, { id: r.institutionId, kommuneId: r.kommuneId });
      if (action === 'team.read') return decide(visible, true);
      if (action === 'team.space' || action === 'team.work') return decideInquiry(a, action, r);
      if (action === 'team.update' || action === 'team.delete')
        return decide(visible, admin || isLederOf(a, r.institutionId));
      return decide(visible, false);
    }
    case 'person': {
      const visible = seesPerson(a, r);
      const manages = managesPerson(a, r);
      if (action === 'person.read') return decide(visible, true);
      if (action === 'person.update') return decide(visible, admin || a.id === r.id || manages);
      if (action === 'person.manage') return decide(visible, admin || (manages && a.id !== r.id));
      return decide(visible, false);
    }
    case 'video': {
      const owner = a.id === r.ownerId;
      if (action === 'video.read') return decide(seesVideo(a, r), true);
      if (action === 'video.update') return decide(seesVideo(a, r), owner);
      if (action === 'video.delete') return decide(seesVideo(a, r), owner || admin);
      if (action === 'video.feedback')
        return decide(seesVideo(a, r), owner || (!!a.id && !!r.grantees?.includes(a.id)));
      if (action === 'video.describe') {
        const inWorkflow = !!r.editorialState && r.editorialState !== 'none';
        return decide(
          seesVideo(a, r),
          owner || (inWorkflow && decidePractice(a, 'video.review', r) === 'allow'),
        );
      }
      return decidePractice(a, action, r);
    }
    case 'community':
    case 'comment':
    case 'package':
      return decidePractice(a, action, r);
    case 'course':
      return decideTraining(a, action, r);
    case 'observation':
    case 'visit':
      return decideObservation(a, action, r);
    case 'cycle':
    case 'story':
      return decideInquiry(a, action, r);
    case 'evaluation_plan':
      return decideEvaluation(a, action, r);
    case 'conversation':
      return decideConversations(a, action, r);
    case 'progression_group':
      return decideProgression(a, action, r);
    case 'grant': {
      if (action !== 'role.grant') return 'forbidden';
      if (admin) return 'allow';
      const scope = roleScope(r.role);
      return scope === 'institution' && r.institutionId && isLederOf(a, r.institutionId)
        ? 'allow'
        : 'forbidden';
    }
  }
}
