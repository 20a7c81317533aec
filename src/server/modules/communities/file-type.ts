/** Files shared in a community (issue 15); their type is checked by storage/file-type.ts. */

/** Where a community's shared files are stored (one folder per community, removed with it). */
export const communityFilesPrefix = (communityId: string) => `community-files/${communityId}/`;

/** Files in a community are at most this big. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
