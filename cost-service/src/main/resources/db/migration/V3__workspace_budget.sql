-- The latest monthly budget recorded for a workspace (sent with a plan-time estimate), and whether the stored costs
-- of its resources are above it: set when the total crosses the budget (BudgetExceeded is announced then), cleared
-- when the total falls back to or below it, so the next crossing is announced again.
create table workspace_budget (
    workspace          varchar(128) primary key,
    monthly_usd        numeric(12, 2) not null check (monthly_usd >= 0),
    recorded_at        timestamp with time zone not null,
    ledger_exceeded_at timestamp with time zone
);
