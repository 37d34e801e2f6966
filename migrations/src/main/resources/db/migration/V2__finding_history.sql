-- Findings as history: one row per finding identity (fingerprint) per organization, with the
-- lifecycle (open, fixed, reintroduced) and an event log of every change a scan observed.

create table finding (
    id                  bigserial primary key,
    organization_id     bigint      not null references organization (id),
    subject             text        not null,  -- repository full name, or the organization login
    scope               text        not null check (scope in ('workflow', 'settings')),
    fingerprint         text        not null,
    rule_id             text        not null,
    severity            text        not null check (severity in ('info', 'low', 'medium', 'high', 'critical')),
    confidence          text        not null check (confidence in ('low', 'medium', 'high')),
    message             text        not null,
    file                text        not null,
    line                integer     not null,
    col                 integer     not null,
    path                text        not null,
    status              text        not null check (status in ('open', 'fixed')),
    suppression_kind    text        check (suppression_kind in ('inline', 'inline_zizmor', 'exception')),
    suppression_reason  text,
    suppression_owner   text,
    suppression_expires date,
    first_seen_scan_id  bigint      references scan (id),
    first_seen_at       timestamptz not null,
    last_seen_scan_id   bigint      references scan (id),
    last_seen_at        timestamptz not null,
    fixed_scan_id       bigint      references scan (id),
    fixed_at            timestamptz,
    reintroduced_count  integer     not null default 0,
    unique (organization_id, fingerprint)
);

create index finding_org_status_severity on finding (organization_id, status, severity);
create index finding_org_subject on finding (organization_id, subject, scope, status);
create index finding_org_rule on finding (organization_id, rule_id, status);
create index finding_first_seen on finding (organization_id, first_seen_at);

create table finding_event (
    id          bigserial primary key,
    finding_id  bigint      not null references finding (id) on delete cascade,
    scan_id     bigint      references scan (id),
    at          timestamptz not null default now(),
    kind        text        not null check (kind in ('new', 'fixed', 'reintroduced', 'severity_changed', 'suppressed', 'unsuppressed')),
    before      text,
    after       text
);

create index finding_event_finding on finding_event (finding_id, at);
create index finding_event_scan on finding_event (scan_id, kind);
