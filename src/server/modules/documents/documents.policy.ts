import type { Actor } from '../../lib/actor.js';
import { forbidden } from '../../lib/errors.js';
import {
  canEditSummary,
  canIssueDocuments,
  canReadIssuedDocuments,
  canReadSummary,
} from '../../../common/policies/documents.js';

export function assertCanReadSummary(actor: Actor): void {
  if (!canReadSummary(actor)) throw forbidden();
}

export function assertCanEditSummary(actor: Actor): void {
  if (!canEditSummary(actor)) throw forbidden();
}

export function assertCanIssueDocuments(actor: Actor): void {
  if (!canIssueDocuments(actor)) throw forbidden();
}

export function assertCanReadIssuedDocuments(actor: Actor): void {
  if (!canReadIssuedDocuments(actor)) throw forbidden();
}
