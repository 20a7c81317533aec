/**
 * The one account erased people's shared work points to (issue 20 part 3): comments, posts, feedback, meeting
 * contributions, learning packages and courses they trained stay for the others under this name. A disabled
 * account without a password or roles, made by the first erasure; people lists leave it out.
 */
export const FORMER_EMPLOYEE_ID = '00000000-0000-4000-8000-00000000fe00';
export const FORMER_EMPLOYEE_NAME = 'Tidligere medarbejder';
