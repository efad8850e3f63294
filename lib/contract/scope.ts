/** The URL value for "every namespace", kubectl's `--all-namespaces`. Not a valid namespace name, so it cannot collide. */
export const ALL_NAMESPACES = '_all';
