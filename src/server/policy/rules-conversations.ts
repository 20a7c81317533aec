import { decide, isForvaltningOf, isLederOf, seesInstitution } from './predicates.js';
import type { Action, Actor, ConversationResource, Decision, Resource } from './types.js';

/**
 * Rules for learning conversations between levels (issue 17 part 4, P3). A data package and its conversation
 * record are between the kommune's forvaltning and the unit's leaders: forvaltning of the unit's kommune prepares
 * and reads every package of its institutions; the institution's leders read a package once it is shared with
 * them, and write the record together with forvaltning. Nobody else sees it (not the unit's staff, not
 * administrators, not another kommune). Pure; sql-conversations.ts has the list form (visibleConversations),
 * agreed with this in sql-conversations.int.test.ts.
 */

/** May the actor read this package and its record? Same rule as sql-conversations.visibleConversations. */
export const seesConversation = (a: Actor, c: Omit<ConversationResource, 'type' | 'id'>) =>
  isForvaltningOf(a, c.kommuneId) || (c.shared && isLederOf(a, c.institutionId));

export function decideConversations(a: Actor, action: Action, r: Resource): Decision {
  switch (r.type) {
    case 'institution':
      // Prepare a package for a unit: forvaltning of its kommune.
      return decide(
        seesInstitution(a, r),
        action === 'conversation.create' && isForvaltningOf(a, r.kommuneId),
      );
    case 'conversation': {
      const visible = seesConversation(a, r);
      if (action === 'conversation.read' || action === 'conversation.record') return decide(visible, true);
      if (action === 'conversation.prepare') return decide(visible, isForvaltningOf(a, r.kommuneId));
      return decide(visible, false);
    }
    default:
      return 'forbidden';
  }
}
