import { decide, isAdmin, isEditor, memberInstitutionIds, seesKommune, seesVideo } from './predicates.js';
import type { Action, Actor, Decision, PackageResource, Resource } from './types.js';

/**
 * Rules for the video community (V1, V4, V6, V8): catalogue work, communities, comments and learning packages.
 * Called from decideAccess; pure like the rest of the policy.
 */

const signedIn = (a: Actor) => a.id !== '';
const curates = (a: Actor) => isAdmin(a) || isEditor(a);

/** May the actor use this learning package? Same rule as sql-packages.visiblePackages. */
export function seesPackage(a: Actor, p: Omit<PackageResource, 'type' | 'id'>): boolean {
  if (signedIn(a) && a.id === p.ownerId) return true;
  if (p.visibility === 'private') return false;
  if (isAdmin(a) || p.visibility === 'public') return true;
  if (p.visibility === 'institution')
    return !!p.institutionId && memberInstitutionIds(a).includes(p.institutionId);
  return !!p.kommuneId && seesKommune(a, p.kommuneId);
}

export function decidePractice(a: Actor, action: Action, r: Resource): Decision {
  switch (r.type) {
    case 'instance':
      switch (action) {
        case 'taxonomy.manage':
        case 'collection.manage':
        // On the instance: open the editorial review queue (the catalogue module).
        case 'video.review':
          return decide(true, curates(a));
        case 'catalogue.stats':
          // Leders: their own institution's figures (sql-reflection.statisticsScope).
          return decide(
            true,
            curates(a) || a.grants.some((g) => g.role === 'forvaltning' || g.role === 'leder'),
          );
        case 'community.create':
        case 'package.create':
          return decide(true, signedIn(a));
        default:
          return 'forbidden';
      }
    case 'video': {
      const visible = seesVideo(a, r);
      if (action === 'video.engage') return decide(visible, signedIn(a));
      if (action === 'video.submit') return decide(visible, a.id === r.ownerId || curates(a));
      if (action === 'video.review') return decide(visible, curates(a));
      return decide(visible, false);
    }
    case 'community': {
      const m = r.membership;
      const visible = isAdmin(a) || r.access === 'open' || m !== null;
      switch (action) {
        case 'community.read':
          return decide(visible, true);
        case 'community.join':
          return decide(visible, signedIn(a) && (r.access === 'open' || m !== null));
        case 'community.post':
        case 'community.discuss':
          return decide(visible, !!m?.joined);
        case 'community.moderate':
          return decide(visible, isAdmin(a) || (m?.role === 'moderator' && m.joined));
        default:
          return decide(visible, false);
      }
    }
    case 'comment': {
      // A reply to a community post: the community's joined members see it; a comment on a video: its viewers.
      const visible = r.community ? !!r.community.membership?.joined : seesVideo(a, r.video);
      const author = signedIn(a) && a.id === r.authorId;
      switch (action) {
        case 'comment.update':
        case 'comment.delete':
          return decide(visible, author);
        case 'comment.report':
          return decide(visible, signedIn(a) && !author);
        case 'comment.hide':
          return decide(visible, r.moderates || (!r.community && curates(a)));
        default:
          return decide(visible, false);
      }
    }
    case 'package': {
      const visible = seesPackage(a, r);
      const owner = signedIn(a) && a.id === r.ownerId;
      switch (action) {
        case 'package.read':
          return decide(visible, true);
        case 'package.copy':
          return decide(visible, signedIn(a));
        case 'package.update':
          return decide(visible, owner);
        case 'package.delete':
          return decide(visible, owner || isAdmin(a));
        default:
          return decide(visible, false);
      }
    }
    default:
      return 'forbidden';
  }
}
