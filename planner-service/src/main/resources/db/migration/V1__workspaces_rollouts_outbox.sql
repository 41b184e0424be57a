-- Declared workspaces: the desired state as the operator gave it, after validation.
create table workspace (
    name        varchar(128) primary key,
    domain      varchar(253) not null,
    definition  text         not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- One rollout applies (part of) a workspace; at most one runs per workspace at a time.
create table rollout (
    id           varchar(36)  primary key,
    workspace    varchar(128) not null references workspace (name),
    region       varchar(128),
    status       varchar(16)  not null,
    traceparent  varchar(64),
    created_at   timestamptz  not null,
    finished_at  timestamptz
);
create unique index rollout_one_running_per_workspace on rollout (workspace) where status = 'RUNNING';

-- The nodes of a rollout's dependency graph.
create table rollout_step (
    id            bigserial    primary key,
    rollout_id    varchar(36)  not null references rollout (id),
    step_key      varchar(300) not null,
    kind          varchar(16)  not null,
    address       varchar(520) not null,
    provider      varchar(32),
    depends_on    text         not null,
    command       text,
    status        varchar(16)  not null,
    dispatched_at timestamptz,
    completed_at  timestamptz,
    provider_id   varchar(256),
    detail        text,
    unique (rollout_id, step_key)
);

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_message (
    id           varchar(36)  primary key,
    topic        varchar(249) not null,
    message_key  varchar(520) not null,
    ce_type      varchar(128) not null,
    payload      text         not null,
    traceparent  varchar(64),
    created_at   timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0
);
create index outbox_unpublished on outbox_message (created_at) where published_at is null;

-- What the providers reported, from events: the recorded state that plans compare against.
create table recorded_resource (
    address      varchar(520) primary key,
    workspace    varchar(128) not null,
    provider     varchar(32)  not null,
    provider_id  varchar(256) not null,
    size         varchar(128),
    addresses    text         not null,
    updated_at   timestamptz  not null
);
create index recorded_resource_workspace on recorded_resource (workspace);
