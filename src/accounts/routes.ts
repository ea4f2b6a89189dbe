import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ADMINISTRATORS, ALL_ROLES, ROLES } from '../organisation/roles.js';
import { listStaffForSelection } from '../organisation/index.js';
import { actorOf } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/http/context.js';
import { list, NO_ERRORS, singleError, text, toFormErrors } from '../platform/http/forms.js';
import { endSession, refreshSession, secondsLeft, startSession } from '../platform/http/sessions.js';
import { safeReturnPath } from './rules.js';
import {
  changePasswordForm,
  editApiClientForm,
  editUserForm,
  newApiClientForm,
  newUserForm,
  signInForm,
  tokenRequest,
} from './schemas.js';
import * as accounts from './service.js';
import * as store from './store.js';

type Body = Record<string, unknown>;

function homeFor(roles: readonly string[]): string {
  if (roles.includes('probation-officer') || roles.includes('probation-services-officer')) return '/caseload';
  if (roles.includes('manager')) return '/team';
  if (roles.includes('administrator')) return '/admin';
  return '/search';
}

/** Why the person is signing in again, from the redirect that sent them here. */
function timedOutMessage(timedOut: string | undefined): string | undefined {
  if (timedOut === 'kept') return 'Your session timed out. Sign in again to get back what you typed.';
  if (timedOut === 'yes') return 'Your session timed out. Sign in again.';
  return undefined;
}

function roleItems(selected: readonly string[]) {
  return ALL_ROLES.map((role) => ({ value: role, text: ROLES[role], checked: selected.includes(role) }));
}

export function accountRoutes(app: FastifyInstance, context: AppContext): void {
  const { db, config } = context;
  const sessionPolicy = {
    idleMinutes: config.session.idleMinutes,
    absoluteHours: config.session.absoluteHours,
    cookieSecure: config.cookieSecure,
  };

  app.get('/', { config: { allow: 'signed-in' } }, async (request, reply) =>
    reply.redirect(homeFor(request.user?.roles ?? [])),
  );

  app.get<{ Querystring: { returnTo?: string; timedOut?: string } }>(
    '/sign-in',
    { config: { allow: 'public' } },
    async (request, reply) => {
      if (request.user) return reply.redirect('/');
      return reply.render('accounts/views/sign-in.njk', {
        values: {},
        errors: NO_ERRORS,
        returnTo: request.query.returnTo ?? '',
        timedOut: timedOutMessage(request.query.timedOut) ? request.query.timedOut : '',
        importantNotice: timedOutMessage(request.query.timedOut),
      });
    },
  );

  app.post('/sign-in', { config: { allow: 'public' } }, async (request, reply) => {
    const body = request.body as Body;
    const returnTo = text(body, 'returnTo');
    const timedOut = text(body, 'timedOut');
    const values = { username: text(body, 'username') };
    const renderError = (code: number, errors: ReturnType<typeof singleError>) =>
      reply.code(code).render('accounts/views/sign-in.njk', {
        values,
        errors,
        returnTo,
        timedOut: timedOutMessage(timedOut) ? timedOut : '',
        importantNotice: timedOutMessage(timedOut),
      });
    const parsed = signInForm.safeParse({ username: values.username, password: body.password ?? '' });
    if (!parsed.success) return renderError(400, toFormErrors(parsed.error));
    const result = await accounts.signIn(db, {
      ...parsed.data,
      address: request.ip,
      now: context.now(),
      policy: config.signIn,
    });
    switch (result.outcome) {
      case 'too-many-attempts':
        return renderError(
          429,
          singleError(
            'username',
            'There have been too many failed sign-in attempts from your network. Wait 15 minutes and try again.',
          ),
        );
      case 'locked':
        return renderError(
          401,
          singleError(
            'username',
            `This account is locked after ${config.signIn.maxFailuresBeforeLock} failed attempts. Try again in ${config.signIn.lockMinutes} minutes, or ask an administrator to reset your password.`,
          ),
        );
      case 'wrong-credentials':
        return renderError(401, singleError('username', 'Enter a correct username and password'));
      case 'signed-in':
        await startSession(db, reply, result.userId, sessionPolicy, context.now());
        return reply.redirect(result.mustChangePassword ? '/change-password' : safeReturnPath(returnTo));
    }
  });

  app.post(
    '/sign-out',
    { config: { allow: 'signed-in', allowDuringPasswordChange: true } },
    async (request, reply) => {
      await endSession(db, request, reply);
      return reply.redirect('/sign-in');
    },
  );

  // The time-out warning's questions: how long is left (without counting as activity), and
  // "Stay signed in", which counts as activity now. Both answer the page's script in JSON.
  app.get(
    '/session',
    { config: { allow: 'public', json: true, sessionProbe: true, allowDuringPasswordChange: true } },
    async (request) => ({
      signedIn: Boolean(request.user),
      secondsLeft: secondsLeft(request, context.now()),
    }),
  );

  app.post(
    '/session/keep-alive',
    { config: { allow: 'signed-in', json: true, allowDuringPasswordChange: true } },
    async (request) => {
      const now = context.now();
      await refreshSession(db, request, sessionPolicy, now);
      return { signedIn: true, secondsLeft: secondsLeft(request, now) };
    },
  );

  const changePasswordPage = (request: FastifyRequest, reply: FastifyReply, errors = NO_ERRORS, code = 200) =>
    reply
      .code(code)
      .render('accounts/views/change-password.njk', { errors, mustChange: request.user?.mustChangePassword });

  app.get(
    '/change-password',
    { config: { allow: 'signed-in', allowDuringPasswordChange: true } },
    async (request, reply) => changePasswordPage(request, reply),
  );

  app.post(
    '/change-password',
    { config: { allow: 'signed-in', allowDuringPasswordChange: true } },
    async (request, reply) => {
      const user = request.user!;
      const body = request.body as Body;
      const parsed = changePasswordForm(user.username).safeParse({
        currentPassword: body.currentPassword ?? '',
        newPassword: body.newPassword ?? '',
        confirmPassword: body.confirmPassword ?? '',
      });
      if (!parsed.success) return changePasswordPage(request, reply, toFormErrors(parsed.error), 400);
      const outcome = await accounts.changePassword(db, actorOf(request), {
        userId: user.id,
        currentPassword: parsed.data.currentPassword,
        newPassword: parsed.data.newPassword,
        keepSessionId: request.sessionId,
      });
      if (outcome === 'wrong-current-password') {
        return changePasswordPage(
          request,
          reply,
          singleError('currentPassword', 'Your current password is not correct'),
          400,
        );
      }
      return reply.redirect(homeFor(user.roles));
    },
  );

  const admin = { allow: ADMINISTRATORS };

  app.get('/admin', { config: admin }, async (_request, reply) =>
    reply.render('accounts/views/admin-home.njk', {}),
  );

  app.get('/admin/users', { config: admin }, async (_request, reply) =>
    reply.render('accounts/views/users.njk', {
      users: await store.listUsers(db),
      now: context.now(),
      roleNames: ROLES,
    }),
  );

  const newUserPage = async (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors = NO_ERRORS,
    code = 200,
  ) =>
    reply.code(code).render('accounts/views/new-user.njk', {
      values,
      errors,
      roleItems: roleItems((values.roles as string[]) ?? []),
      staff: await listStaffForSelection(db),
    });

  app.get('/admin/users/new', { config: admin }, async (_request, reply) =>
    newUserPage(reply, { roles: [] }),
  );

  app.post('/admin/users/new', { config: admin }, async (request, reply) => {
    const body = request.body as Body;
    const values = {
      username: text(body, 'username'),
      displayName: text(body, 'displayName'),
      staffId: text(body, 'staffId'),
      roles: list(body, 'roles'),
    };
    const parsed = newUserForm.safeParse(values);
    if (!parsed.success) return newUserPage(reply, values, toFormErrors(parsed.error), 400);
    if (await store.usernameTaken(db, parsed.data.username)) {
      return newUserPage(reply, values, singleError('username', 'That username is already in use'), 400);
    }
    if (parsed.data.staffId && (await store.staffHasAccount(db, parsed.data.staffId))) {
      return newUserPage(
        reply,
        values,
        singleError('staffId', 'That staff member already has a user account'),
        400,
      );
    }
    const created = await accounts.createUser(db, actorOf(request), parsed.data);
    return reply.render('accounts/views/user-created.njk', {
      username: parsed.data.username.toLowerCase(),
      oneTimePassword: created.oneTimePassword,
    });
  });

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/reset-password',
    { config: admin },
    async (request, reply) => {
      const user = await store.findUser(db, request.params.id);
      if (!user) return reply.callNotFound();
      const password = await accounts.resetPassword(db, actorOf(request), user.id);
      return reply.render('accounts/views/user-created.njk', {
        username: user.username,
        oneTimePassword: password,
        reset: true,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/disable',
    { config: admin },
    async (request, reply) => {
      const user = await store.findUser(db, request.params.id);
      if (!user) return reply.callNotFound();
      await accounts.setUserDisabled(db, actorOf(request), user.id, !user.disabled);
      return reply.redirect('/admin/users');
    },
  );

  const editUserPage = async (
    reply: FastifyReply,
    user: { id: string; username: string },
    values: Record<string, unknown>,
    errors = NO_ERRORS,
    code = 200,
    conflict?: { changedBy: string; changedAt: Date; theirs: accounts.UserVersion },
  ) => {
    const staff = await listStaffForSelection(db);
    const staffName = (id: string | null) => {
      const s = staff.find((member) => member.id === id);
      return s ? `${s.forename} ${s.surname} (${s.staff_code})` : 'Not linked to a staff member';
    };
    const roleNames = (roles: readonly string[]) =>
      roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join(', ') || 'None';
    return reply.code(code).render('accounts/views/edit-user.njk', {
      account: user,
      values,
      errors,
      roleItems: roleItems((values.roles as string[]) ?? []),
      staff,
      conflict: conflict && {
        changedBy: conflict.changedBy,
        changedAt: conflict.changedAt,
        rows: [
          { field: 'Name', theirs: conflict.theirs.displayName, yours: values.displayName },
          {
            field: 'Staff member',
            theirs: staffName(conflict.theirs.staffId),
            yours: staffName((values.staffId as string) || null),
          },
          {
            field: 'Roles',
            theirs: roleNames(conflict.theirs.roles),
            yours: roleNames((values.roles as string[]) ?? []),
          },
        ],
      },
    });
  };

  app.get<{ Params: { id: string } }>('/admin/users/:id', { config: admin }, async (request, reply) => {
    const user = await store.userForEditing(db, request.params.id);
    if (!user) return reply.callNotFound();
    return editUserPage(reply, user, {
      displayName: user.display_name,
      staffId: user.staff_id ?? '',
      roles: user.roles,
      rowVersion: user.row_version,
    });
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id', { config: admin }, async (request, reply) => {
    const user = await store.userForEditing(db, request.params.id);
    if (!user) return reply.callNotFound();
    const body = request.body as Body;
    const values = {
      displayName: text(body, 'displayName'),
      staffId: text(body, 'staffId'),
      roles: list(body, 'roles'),
      rowVersion: Number(text(body, 'rowVersion')),
    };
    const parsed = editUserForm.safeParse(values);
    if (!parsed.success) return editUserPage(reply, user, values, toFormErrors(parsed.error), 400);
    if (
      parsed.data.staffId &&
      parsed.data.staffId !== user.staff_id &&
      (await store.staffHasAccount(db, parsed.data.staffId))
    ) {
      return editUserPage(
        reply,
        user,
        values,
        singleError('staffId', 'That staff member already has a user account'),
        400,
      );
    }
    const result = await accounts.updateUser(db, actorOf(request), {
      userId: user.id,
      expectedVersion: values.rowVersion,
      ...parsed.data,
    });
    if (!result.saved) {
      // Both versions side by side; the form keeps the user's, ready to save over the new version.
      return editUserPage(reply, user, { ...values, rowVersion: result.current.rowVersion }, NO_ERRORS, 409, {
        changedBy: result.changedBy,
        changedAt: result.changedAt,
        theirs: result.current,
      });
    }
    return reply.redirect('/admin/users');
  });

  app.get('/admin/api-clients', { config: admin }, async (_request, reply) =>
    reply.render('accounts/views/api-clients.njk', {
      clients: await store.listApiClients(db),
      roleNames: ROLES,
    }),
  );

  const newClientPage = (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors = NO_ERRORS,
    code = 200,
  ) =>
    reply.code(code).render('accounts/views/new-api-client.njk', {
      values,
      errors,
      roleItems: roleItems((values.roles as string[]) ?? []),
    });

  app.get('/admin/api-clients/new', { config: admin }, async (_request, reply) =>
    newClientPage(reply, { roles: [] }),
  );

  app.post('/admin/api-clients/new', { config: admin }, async (request, reply) => {
    const body = request.body as Body;
    const values = { clientId: text(body, 'clientId'), name: text(body, 'name'), roles: list(body, 'roles') };
    const parsed = newApiClientForm.safeParse(values);
    if (!parsed.success) return newClientPage(reply, values, toFormErrors(parsed.error), 400);
    if (await store.clientIdTaken(db, parsed.data.clientId)) {
      return newClientPage(reply, values, singleError('clientId', 'That client ID is already in use'), 400);
    }
    const { secret } = await accounts.createApiClient(db, actorOf(request), parsed.data);
    return reply.render('accounts/views/api-client-created.njk', { clientId: parsed.data.clientId, secret });
  });

  const roleNames = (roles: readonly string[]) =>
    roles.map((r) => ROLES[r as keyof typeof ROLES] ?? r).join(', ') || 'None';

  const editClientPage = (
    reply: FastifyReply,
    client: { id: string; client_id: string },
    values: Record<string, unknown>,
    errors = NO_ERRORS,
    conflict?: { changedBy: string; changedAt: Date; theirs: { name: string; roles: string[] } },
  ) =>
    reply
      .code(conflict ? 409 : errors.summary.length ? 400 : 200)
      .render('accounts/views/edit-api-client.njk', {
        client,
        values,
        errors,
        roleItems: roleItems((values.roles as string[]) ?? []),
        conflict: conflict && {
          changedBy: conflict.changedBy,
          changedAt: conflict.changedAt,
          rows: [
            { field: 'Name', theirs: conflict.theirs.name, yours: values.name },
            {
              field: 'Roles',
              theirs: roleNames(conflict.theirs.roles),
              yours: roleNames((values.roles as string[]) ?? []),
            },
          ],
        },
      });

  app.get<{ Params: { id: string } }>('/admin/api-clients/:id', { config: admin }, async (request, reply) => {
    const client = await store.apiClientForEditing(db, request.params.id);
    if (!client) return reply.callNotFound();
    return editClientPage(reply, client, {
      name: client.name,
      roles: client.roles,
      rowVersion: client.row_version,
    });
  });

  app.post<{ Params: { id: string } }>(
    '/admin/api-clients/:id',
    { config: admin },
    async (request, reply) => {
      const client = await store.apiClientForEditing(db, request.params.id);
      if (!client) return reply.callNotFound();
      const body = request.body as Body;
      const values = {
        name: text(body, 'name'),
        roles: list(body, 'roles'),
        rowVersion: Number(text(body, 'rowVersion')),
      };
      const parsed = editApiClientForm.safeParse(values);
      if (!parsed.success) return editClientPage(reply, client, values, toFormErrors(parsed.error));
      const result = await accounts.updateApiClient(db, actorOf(request), {
        id: client.id,
        expectedVersion: values.rowVersion,
        ...parsed.data,
      });
      if (!result.saved) {
        return editClientPage(
          reply,
          client,
          { ...values, rowVersion: result.current.rowVersion },
          NO_ERRORS,
          {
            changedBy: result.changedBy,
            changedAt: result.changedAt,
            theirs: result.current,
          },
        );
      }
      return reply.redirect('/admin/api-clients');
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/api-clients/:id/disable',
    { config: admin },
    async (request, reply) => {
      const client = await store.findApiClient(db, request.params.id);
      if (!client) return reply.callNotFound();
      await accounts.setApiClientDisabled(db, actorOf(request), client.id, !client.disabled);
      return reply.redirect('/admin/api-clients');
    },
  );

  app.post('/api/v1/oauth/token', { config: { allow: 'public', api: true } }, async (request, reply) => {
    const credentials = basicCredentials(request.headers.authorization);
    if (!credentials) {
      reply.header('WWW-Authenticate', 'Basic realm="probity"');
      return reply.problem(
        401,
        'Unauthorised',
        'Authenticate the client with HTTP Basic (client ID and secret).',
        { error: 'invalid_client' },
      );
    }
    const parsed = tokenRequest.safeParse(request.body ?? {});
    if (!parsed.success) {
      return reply.problem(400, 'Bad request', 'Only grant_type=client_credentials is supported.', {
        error: 'unsupported_grant_type',
        errors: [{ field: 'grant_type', message: 'grant_type must be client_credentials' }],
      });
    }
    const token = await accounts.issueApiToken(db, {
      ...credentials,
      now: context.now(),
      lifetimeMinutes: config.apiTokenMinutes,
      address: request.ip,
    });
    if (!token) {
      reply.header('WWW-Authenticate', 'Basic realm="probity"');
      return reply.problem(
        401,
        'Unauthorised',
        'The client ID or secret is not correct, or the client is disabled.',
        { error: 'invalid_client' },
      );
    }
    return reply
      .header('Cache-Control', 'no-store')
      .send({ access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn });
  });
}

/** RFC 6749 2.3.1: the client ID and secret are form-urlencoded before Basic encoding. */
function basicCredentials(header: string | undefined): { clientId: string; secret: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return null;
  }
}
