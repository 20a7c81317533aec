const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Where a notification leads in the web app: the e-mail's link and the notification list's (one place for both). */
export function notificationPath(
  kind: string,
  p: Record<string, string | number | null | undefined>,
): string | null {
  const id = (v: unknown) => encodeURIComponent(str(v as string));
  if (p.postId && p.communityId && (kind.startsWith('comment.') || kind === 'community.event'))
    return `/faellesskaber/${id(p.communityId)}/opslag/${id(p.postId)}${p.commentId ? `#kommentar-${id(p.commentId)}` : ''}`;
  if (kind.startsWith('comment.') && p.videoId)
    return `/videoer/${id(p.videoId)}${p.commentId ? `#kommentar-${id(p.commentId)}` : ''}`;
  if (kind === 'community.invited' && p.communityId) return `/faellesskaber/${id(p.communityId)}`;
  if (kind.startsWith('training.') && p.courseId) return `/traening/forloeb/${id(p.courseId)}`;
  if (kind.startsWith('observation.') && p.visitId) return `/observation/besoeg/${id(p.visitId)}`;
  if (kind.startsWith('inquiry.task_')) return '/opgaver';
  if (kind.startsWith('inquiry.story_') && p.storyId) return `/praksisfortaellinger/${id(p.storyId)}`;
  if (kind.startsWith('evaluation.')) return '/dataaarshjul';
  if (kind === 'video.shared' && p.videoId) return `/videoer/${id(p.videoId)}`;
  if (kind.startsWith('feedback.') && p.videoId)
    return `/videoer/${id(p.videoId)}${p.feedbackId ? `#feedback-${id(p.feedbackId)}` : ''}`;
  return null;
}
