import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Allow } from './access.js';

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  description?: string;
  allow: Allow;
  body?: z.ZodType;
  response?: z.ZodType;
  parameters?: Array<{ name: string; in: 'path' | 'query'; description: string; required: boolean }>;
  /** Further problem answers to document, beyond 401 and 403 (and 400 for a body), each with its meaning. */
  problems?: Record<number, string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    openapi: OpenApiRegistry;
  }
}

/** Collects the API's operations as routes are defined, so the OpenAPI document is generated from the same zod schemas that validate. */
export class OpenApiRegistry {
  private readonly operations: Operation[] = [];

  add(operation: Operation): void {
    this.operations.push(operation);
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of this.operations) {
      const openApiPath = op.path.replace(/:([a-zA-Z]+)/g, '{$1}');
      paths[openApiPath] ??= {};
      paths[openApiPath][op.method] = {
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        security: op.allow === 'public' ? [] : [{ clientCredentials: [] }],
        'x-probity-roles': op.allow,
        ...(op.parameters
          ? { parameters: op.parameters.map((p) => ({ ...p, schema: { type: 'string' } })) }
          : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': {
                    schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }),
                  },
                },
              },
            }
          : {}),
        responses: {
          '200': {
            description: 'Success',
            ...(op.response
              ? {
                  content: {
                    'application/json': { schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }) },
                  },
                }
              : {}),
          },
          ...(op.body
            ? {
                '400': {
                  description: 'Invalid input: problem details naming each bad field',
                  content: {
                    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
                  },
                },
              }
            : {}),
          '401': {
            description: 'No valid bearer token',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          '403': {
            description: 'The client lacks the role',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          ...Object.fromEntries(
            Object.entries(op.problems ?? {}).map(([status, description]) => [
              status,
              {
                description,
                content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
              },
            ]),
          ),
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Probity API',
        version: '1',
        description:
          'Probation case management. Authenticate with OAuth 2 client credentials at POST /api/v1/oauth/token (HTTP Basic client authentication). Errors are RFC 9457 problem details.',
      },
      servers: [{ url: '/' }],
      paths,
      components: {
        securitySchemes: {
          clientCredentials: {
            type: 'oauth2',
            flows: { clientCredentials: { tokenUrl: '/api/v1/oauth/token', scopes: {} } },
          },
        },
        schemas: {
          Problem: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              detail: { type: 'string' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { field: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    };
  }
}

/** One entry per bad field; zod reports unknown keys as one issue on their parent, so those are split. */
export function problemFieldErrors(error: z.ZodError) {
  return error.issues.flatMap((issue) => {
    const parent = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...parent, key].join('.'),
        message: `${key} is not a field of this request`,
      }));
    }
    return [{ field: parent.join('.') || '(body)', message: issue.message }];
  });
}

interface JsonOperation<S extends z.ZodType> extends Omit<Operation, 'method' | 'body'> {
  body: S | ((request: FastifyRequest) => S);
  /** How a validation error becomes one problem per bad field, when the schema needs its own reading. */
  fieldProblems?: (error: z.ZodError) => Array<{ field: string; message: string }>;
  handle(request: FastifyRequest, reply: FastifyReply, body: z.output<S>): Promise<unknown> | unknown;
}

/** A JSON POST endpoint validated by a zod schema, documented in the OpenAPI document from the same schema. */
export function jsonPost<S extends z.ZodType>(
  app: FastifyInstance,
  op: JsonOperation<S>,
  documentationSchema: z.ZodType,
): void {
  app.openapi.add({ ...op, method: 'post', body: documentationSchema });
  app.post(op.path, { config: { allow: op.allow, api: true } }, async (request, reply) => {
    const schema = typeof op.body === 'function' ? op.body(request) : op.body;
    const parsed = schema.safeParse(request.body ?? {});
    if (!parsed.success) {
      return reply.problem(400, 'Invalid request', 'The request body has problems: see errors.', {
        errors: (op.fieldProblems ?? problemFieldErrors)(parsed.error),
      });
    }
    return op.handle(request, reply, parsed.data);
  });
}
