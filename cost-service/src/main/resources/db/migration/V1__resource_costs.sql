-- Workspaces seen in events: their cost view exists even after every resource is deleted.
create table tracked_workspace (
    name          varchar(128) primary key,
    first_seen_at timestamp with time zone not null
);

-- One row per resource address; a redelivered event updates the row in place.
create table resource_cost (
    address         varchar(520) primary key,
    workspace       varchar(128) not null,
    region          varchar(128) not null,
    kind            varchar(128) not null,
    name            varchar(128) not null,
    provider        varchar(32)  not null,
    component       varchar(32)  not null,
    price_key       varchar(255),
    monthly_usd     numeric(12, 2),
    price_status    varchar(32)  not null,
    unpriced_reason varchar(1000),
    rollout_id      varchar(128),
    traceparent     varchar(128),
    first_seen_at   timestamp with time zone not null,
    priced_at       timestamp with time zone not null,
    constraint resource_cost_priced_has_amount check (price_status <> 'PRICED' or monthly_usd is not null)
);

create index resource_cost_workspace on resource_cost (workspace);
create index resource_cost_unpriced on resource_cost (price_status) where price_status <> 'PRICED';
