-- The spec each recorded resource was last provisioned with, so a plan can show attribute-level differences.
alter table recorded_resource add column spec text;
alter table recorded_resource add column region varchar(128);
alter table recorded_resource add column provider_region varchar(128);

-- Stored plans: applied by id, refused when the recorded state moved on since (stale).
create table plan (
    id                varchar(36)  primary key,
    workspace         varchar(128) not null,
    region            varchar(128),
    definition        text         not null,
    state_fingerprint varchar(64)  not null,
    body              text         not null,
    created_at        timestamptz  not null
);
create index plan_workspace on plan (workspace);
