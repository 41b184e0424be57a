-- Apex record sets of a region reached only by host name (an AWS application load balancer) are Route53 alias
-- record sets: no TTL and no values, but the load balancer's DNS name and canonical hosted zone id.
alter table managed_apex_record add column alias_hosted_zone_id varchar(64);
alter table managed_apex_record add column alias_dns_name varchar(255);
alter table managed_apex_record add column alias_evaluate_target_health boolean;
