-- Organizations, their repositories as GitHub last listed them, and scans.

create table organization (
    id           bigserial primary key,
    login        text        not null unique,
    github_id    bigint,
    api_url      text        not null,
    created_at   timestamptz not null default now()
);

create table scan (
    id               bigserial primary key,
    organization_id  bigint      not null references organization (id),
    trigger          text        not null check (trigger in ('manual', 'schedule', 'startup', 'api')),
    status           text        not null check (status in ('running', 'completed', 'failed')),
    requested_by     text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    repository_count integer,
    error            text
);

-- At most one running scan per organization, enforced by the database across replicas.
create unique index scan_one_running_per_org on scan (organization_id) where status = 'running';
create index scan_org_started on scan (organization_id, started_at desc);

create table repository (
    id               bigserial primary key,
    organization_id  bigint      not null references organization (id),
    github_id        bigint      not null,
    node_id          text,
    name             text        not null,
    full_name        text        not null,
    visibility       text        not null,
    fork             boolean     not null,
    archived         boolean     not null,
    default_branch   text,
    pushed_at        timestamptz,
    html_url         text,
    first_seen_at    timestamptz not null default now(),
    last_scanned_at  timestamptz,
    last_scan_id     bigint      references scan (id),
    unique (organization_id, github_id)
);

create index repository_org_name on repository (organization_id, full_name);
