/**
 * A page's code could not be fetched: after an upgrade the old chunk names are gone, or the network
 * dropped. Browsers word this differently (Chromium, Firefox, Safari); none of it is for a user.
 */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(
    message,
  );
}
