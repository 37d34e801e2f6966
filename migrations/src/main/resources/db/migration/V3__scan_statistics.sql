-- What each scan cost and found, and each repository's last scanned head.

alter table scan add column requests integer;
alter table scan add column rate_limit_points integer;
alter table scan add column not_modified integer;
alter table scan add column findings_open integer;

alter table repository add column head_sha text;
