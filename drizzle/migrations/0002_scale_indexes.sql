DROP INDEX `audit_batch`;--> statement-breakpoint
CREATE INDEX `audit_batch_entity` ON `audit_log` (`batch_id`,`entity`);--> statement-breakpoint
CREATE INDEX `batches_project_stack` ON `batches` (`project_id`,`kind`,`undone`);--> statement-breakpoint
CREATE INDEX `wbs_tasks_parent` ON `wbs_tasks` (`parent_id`);