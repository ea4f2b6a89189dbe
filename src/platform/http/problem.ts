import type { FastifyInstance } from 'fastify';

export interface FieldProblem {
  field: string;
  message: string;
}

declare module 'fastify' {
  interface FastifyReply {
    problem(status: number, title: string, detail?: string, extra?: Record<string, unknown>): FastifyReply;
  }
}

/** RFC 9457 problem details, the one error shape of the API. */
export function setUpProblemDetails(app: FastifyInstance): void {
  app.decorateReply('problem', function (status: number, title: string, detail?: string, extra = {}) {
    return this.code(status)
      .type('application/problem+json')
      .send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra });
  });
}
