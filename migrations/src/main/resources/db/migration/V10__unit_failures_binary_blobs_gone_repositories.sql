-- A repository whose scan keeps failing no longer holds up its organization's scan: after a few
-- attempts its unit is 'failed' with the reason, the scan closes, and the scan counts it.
-- Workflow files with NUL bytes (binary files committed under .github/workflows) are kept
-- byte-exact in binary_content: PostgreSQL text cannot hold NUL.

alter table scan_unit drop constraint scan_unit_status_check;
alter table scan_unit add constraint scan_unit_status_check check (status in ('pending', 'leased', 'done', 'failed'));
alter table scan_unit add column error text;

alter table scan add column units_failed integer not null default 0;

alter table workflow_blob alter column content drop not null;
alter table workflow_blob add column binary_content bytea;
alter table workflow_blob add constraint workflow_blob_one_content check ((content is null) <> (binary_content is null));

-- Repositories that left the organization's listing (deleted, transferred, renamed away, or no
-- longer granted to the App): when, so lists leave them out and their open findings are closed.
alter table repository add column gone_at timestamptz;
-- Lists and counts are of listed repositories: their indexes leave gone ones out, so a page is
-- still read in order from an index and a count stays index-only.
drop index repository_org_severity;
create index repository_org_severity on repository
    (organization_id, open_critical desc, open_high desc, open_medium desc, open_low desc, full_name) where gone_at is null;
create index repository_org_listed_name on repository (organization_id, full_name) where gone_at is null;
-- Statistics for the new column now, not at autovacuum's next visit: without them the planner
-- takes "gone_at is null" for 0.5% of the rows and sorts lists instead of reading their index.
analyze repository;
