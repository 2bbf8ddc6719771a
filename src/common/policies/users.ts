import { isAdmin, type PolicyActor } from './actor.js';

/** Accounts and their roles are the administrator's alone. */
export const canManageUsers = (actor: PolicyActor) => isAdmin(actor);
