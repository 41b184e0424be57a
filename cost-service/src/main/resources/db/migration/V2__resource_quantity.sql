-- Units a per-unit price key is charged for (a Hetzner volume's GB); null for resources priced as a whole.
alter table resource_cost add column quantity integer check (quantity is null or quantity > 0);
