-- The resource kind (database, rds-instance, database-replica) and, for a replica, the address of the primary it
-- follows, as the planner declared it in the command's context.
alter table database_node add column kind varchar(64);
alter table database_node add column primary_address varchar(600);
