import type { ColumnType, Generated, JSONColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A calendar date, 'yyyy-mm-dd', in Europe/London. */
export type CalendarDate = string;

export interface PlatformTables {
  reference_data: {
    set_code: string;
    code: string;
    description: string;
    sort_order: Generated<number>;
    active: Generated<boolean>;
  };
  users: {
    id: Generated<string>;
    username: string;
    staff_id: string | null;
    display_name: string;
    password_hash: string;
    roles: string[];
    must_change_password: Generated<boolean>;
    failed_sign_ins: Generated<number>;
    locked_until: NullableTimestamp;
    disabled: Generated<boolean>;
    last_sign_in_at: NullableTimestamp;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
    row_version: Generated<number>;
  };
  sessions: {
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    /** Set when the session timed out; the row stays until its cookie has expired too. */
    expired_at: NullableTimestamp;
  };
  held_submissions: {
    id: Generated<string>;
    user_id: string;
    person_id: string | null;
    path: string;
    fields: JSONColumnType<Record<string, string | string[]>>;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  sign_in_attempts: {
    id: Generated<string>;
    address: string;
    username: string;
    attempted_at: Timestamp;
    succeeded: boolean;
  };
  api_clients: {
    id: Generated<string>;
    client_id: string;
    name: string;
    secret_hash: string;
    roles: string[];
    disabled: Generated<boolean>;
    created_at: GeneratedTimestamp;
    row_version: Generated<number>;
    updated_at: GeneratedTimestamp;
    updated_by_name: string | null;
  };
  api_tokens: {
    token_hash: string;
    api_client_id: string;
    issued_at: Timestamp;
    expires_at: Timestamp;
  };
  journey_drafts: {
    session_id: string;
    journey: string;
    data: JSONColumnType<Record<string, unknown>>;
    updated_at: GeneratedTimestamp;
  };
  audit_events: {
    id: Generated<string>;
    occurred_at: GeneratedTimestamp;
    actor_user_id: string | null;
    actor_api_client_id: string | null;
    actor_name: string;
    action: string;
    person_id: string | null;
    subject_type: string | null;
    subject_id: string | null;
    detail: JSONColumnType<Record<string, unknown>> | null;
    address: string | null;
    request_id: string | null;
  };
}
