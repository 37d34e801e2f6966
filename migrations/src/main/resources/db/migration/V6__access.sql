-- Access control: local accounts, dashboard sessions and API tokens. Secrets are never stored:
-- passwords as PBKDF2 hashes, session ids and API tokens as SHA-256 digests.
create table app_user (
    id            bigserial primary key,
    username      text        not null unique,
    password_hash text        not null,
    role          text        not null check (role in ('viewer', 'admin')),
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    disabled_at   timestamptz
);

create table user_session (
    id_hash      bytea       primary key,
    username     text        not null,
    role         text        not null check (role in ('viewer', 'admin')),
    source       text        not null check (source in ('local', 'oidc')),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    last_seen_at timestamptz not null default now()
);
create index user_session_expires on user_session (expires_at);
create index user_session_username on user_session (username);

create table api_token (
    id           bigserial primary key,
    name         text        not null,
    token_hash   bytea       not null unique,
    token_prefix text        not null,
    scope        text        not null check (scope in ('read', 'admin')),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);
