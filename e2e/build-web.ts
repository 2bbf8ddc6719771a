/** Builds the web client for the browser tests, as their global set-up does (used by `.ci/run`). */
import { ensureWebBuilt } from './support.js';

ensureWebBuilt();
