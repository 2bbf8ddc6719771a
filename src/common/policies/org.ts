import { isAdmin, type PolicyActor } from './actor.js';

/** Anyone signed in may read the structure (names of branches and units are not confidential). */
export const canEditOrganisation = (actor: PolicyActor) => isAdmin(actor);
