import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';

export interface Actor {
  userId: string | null;
  apiClientId: string | null;
  name: string;
  address: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  personId?: string | null;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
}

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.user?.id ?? null,
    apiClientId: request.apiClient?.id ?? null,
    name:
      request.user?.displayName ??
      (request.apiClient ? `API client ${request.apiClient.clientId}` : 'anonymous'),
    address: request.ip,
    requestId: request.id,
  };
}

/** Appends to the audit trail; call it inside the use case's transaction so the change and its record stand or fall together. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      actor_user_id: actor.userId,
      actor_api_client_id: actor.apiClientId,
      actor_name: actor.name,
      action: entry.action,
      person_id: entry.personId ?? null,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      address: actor.address,
      request_id: actor.requestId,
    })
    .execute();
}
