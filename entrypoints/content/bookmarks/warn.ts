/** The bookmarks feature's one way to say something went wrong: a console warning, never an error on the page. */
export const warn = (message: string, error?: unknown): void => console.warn(`Lamplight bookmarks: ${message}`, error ?? '');
