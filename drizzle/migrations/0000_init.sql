CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_batch` ON `audit_log` (`batch_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`label` text NOT NULL,
	`project_id` integer,
	`undone` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`requested_by` text DEFAULT '' NOT NULL,
	`requested_on` text,
	`description` text DEFAULT '' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`impact_scope` text DEFAULT '' NOT NULL,
	`impact_schedule` text DEFAULT '' NOT NULL,
	`impact_cost` text DEFAULT '' NOT NULL,
	`decision` text DEFAULT '' NOT NULL,
	`decided_by` text DEFAULT '' NOT NULL,
	`decided_on` text,
	`impl_status` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `changes_project` ON `changes` (`project_id`);--> statement-breakpoint
CREATE TABLE `excel_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`register` text NOT NULL,
	`header_signature` text DEFAULT '' NOT NULL,
	`template` blob,
	`mapping` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'issue' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`priority` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`raised_on` text,
	`raised_by` text DEFAULT '' NOT NULL,
	`due` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`resolution` text DEFAULT '' NOT NULL,
	`closed_on` text,
	`meeting_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `issues_project` ON `issues` (`project_id`);--> statement-breakpoint
CREATE INDEX `issues_meeting` ON `issues` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT '' NOT NULL,
	`series` text DEFAULT '' NOT NULL,
	`held_on` text,
	`starts_at` text DEFAULT '' NOT NULL,
	`ends_at` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`facilitator` text DEFAULT '' NOT NULL,
	`recorder` text DEFAULT '' NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '{}' NOT NULL,
	`final` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_project` ON `meetings` (`project_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`probability` integer,
	`impact` integer,
	`strategy` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`trigger` text DEFAULT '' NOT NULL,
	`response_plan` text DEFAULT '' NOT NULL,
	`contingency` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`raised_on` text,
	`raised_by` text DEFAULT '' NOT NULL,
	`due` text,
	`closed_on` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `risks_project` ON `risks` (`project_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wbs_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`parent_id` integer,
	`position` real NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`assignee` text DEFAULT '' NOT NULL,
	`planned_start` text,
	`planned_finish` text,
	`actual_start` text,
	`actual_finish` text,
	`planned_effort` real,
	`actual_effort` real,
	`progress` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`milestone` integer DEFAULT false NOT NULL,
	`deliverable` text DEFAULT '' NOT NULL,
	`predecessors` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `wbs_tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `wbs_tasks_project_parent` ON `wbs_tasks` (`project_id`,`parent_id`,`position`);