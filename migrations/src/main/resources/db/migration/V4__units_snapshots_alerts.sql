-- Resumable, shareable scans (work units leased by workers), what each scan read (snapshots,
-- with workflow contents stored once per blob SHA), drift alerts, exceptions and the audit log.

alter table scan add column units_total integer;
alter table scan add column units_done integer not null default 0;
alter table scan add column closed_at timestamptz;

create table scan_unit (
    id             bigserial primary key,
    scan_id        bigint      not null references scan (id),
    repository_id  bigint      not null references repository (id),
    status         text        not null check (status in ('pending', 'leased', 'done')),
    lease_owner    text,
    lease_expires  timestamptz,
    attempts       integer     not null default 0,
    finished_at    timestamptz,
    unique (scan_id, repository_id)
);
create index scan_unit_available on scan_unit (scan_id, status, lease_expires);

create table workflow_blob (
    sha         text primary key,
    content     text        not null,
    created_at  timestamptz not null default now()
);

create table org_snapshot (
    scan_id          bigint primary key references scan (id),
    organization_id  bigint      not null references organization (id),
    snapshot         jsonb       not null,
    created_at       timestamptz not null default now()
);

create table repo_snapshot (
    id               bigserial primary key,
    scan_id          bigint      not null references scan (id),
    repository_id    bigint      not null references repository (id),
    head_sha         text,
    contents_reused  boolean     not null,
    snapshot         jsonb       not null,
    created_at       timestamptz not null default now(),
    unique (scan_id, repository_id)
);
create index repo_snapshot_repository on repo_snapshot (repository_id, scan_id desc);

create table alert (
    id               bigserial primary key,
    organization_id  bigint      not null references organization (id),
    scan_id          bigint      not null references scan (id),
    kind             text        not null,
    severity         text        not null check (severity in ('info', 'low', 'medium', 'high', 'critical')),
    subject          text        not null,
    before           text,
    after            text,
    message          text        not null,
    created_at       timestamptz not null default now(),
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    ack_note         text
);
create index alert_org_created on alert (organization_id, created_at desc);
create index alert_open on alert (organization_id, acknowledged_at);

create table rule_exception (
    id               bigserial primary key,
    organization_id  bigint      references organization (id),
    rule_id          text        not null,
    repo             text,
    path             text,
    job              text,
    reason           text        not null,
    owner            text        not null,
    expires          date        not null,
    created_at       timestamptz not null default now(),
    created_by       text        not null,
    expired_at       timestamptz
);

create table audit_log (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text        not null,
    action   text        not null,
    subject  text,
    details  text
);
create index audit_log_at on audit_log (at desc);
