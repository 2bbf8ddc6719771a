import { ensureWebBuilt, haveChromium } from './support.js';

/** Builds the web client once, before any browser test file runs (they run in parallel). */
export default function setup(): void {
  if (haveChromium) ensureWebBuilt();
}
