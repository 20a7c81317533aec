/** Learning packages (V8): limits shared by the API and the web editor. */
export const PACKAGE_MAX_ITEMS = 50;
export const PACKAGE_TITLE_MAX = 200;
export const PACKAGE_DESCRIPTION_MAX = 5_000;
export const PACKAGE_GUIDE_MAX = 20_000;
/** A text item's heading. */
export const PACKAGE_ITEM_TITLE_MAX = 200;
/** A text item's body, a reflection question, or the note shown with a video. */
export const PACKAGE_ITEM_BODY_MAX = 5_000;
/** What a copy's title ends with. */
export const PACKAGE_COPY_SUFFIX = ' (kopi)';
