import type { Wire } from '../../shared/contracts/common';
import type * as c from '../../shared/contracts/import';

/** The staff import (CSV): what each row would do or did. The page sends the file itself (ImportStaff). */
export type ImportRow = Wire<typeof c.ImportRow>;
export type ImportResult = Wire<typeof c.ImportResult>;
