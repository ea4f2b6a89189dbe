import type { FastifyRequest } from 'fastify';
import type { Db } from '../database/connect.js';
import { hashToken } from './sessions.js';

export interface AuthenticatedClient {
  id: string;
  clientId: string;
  name: string;
  roles: string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    apiClient?: AuthenticatedClient;
  }
}

/** Reads an OAuth 2 bearer token issued by POST /api/v1/oauth/token. */
export async function loadApiClient(db: Db, request: FastifyRequest, now: Date): Promise<void> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return;
  const token = header.slice('Bearer '.length).trim();
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('api_clients', 'api_clients.id', 'api_tokens.api_client_id')
    .select([
      'api_clients.id',
      'api_clients.client_id',
      'api_clients.name',
      'api_clients.roles',
      'api_clients.disabled',
    ])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.expires_at', '>', now)
    .executeTakeFirst();
  if (!row || row.disabled) return;
  request.apiClient = { id: row.id, clientId: row.client_id, name: row.name, roles: row.roles };
}
