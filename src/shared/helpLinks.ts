/**
 * The app's own help pages: the only addresses a link in the app may open, in the runner's browser
 * (main refuses every other URL, src/main/securityPolicy.ts isHelpLink). Exact https URLs; a link
 * may add a #fragment. The app links to no help page yet: add each one here when the UI gets it.
 */
export const HELP_LINKS: readonly string[] = []
