import type { FastifyRequest } from 'fastify';
import type { Viewer } from './access.js';

export function viewerOf(request: FastifyRequest): Viewer {
  return { staffId: request.user?.staffId ?? null };
}
