CREATE TABLE `audit_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`severity` text DEFAULT '' NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`raised_on` text,
	`due` text,
	`owner` text DEFAULT '' NOT NULL,
	`action` text DEFAULT '' NOT NULL,
	`status` text DEFAULT '' NOT NULL,
	`verified_on` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_findings_project` ON `audit_findings` (`project_id`);--> statement-breakpoint
CREATE TABLE `defects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	`phase` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`severity` text DEFAULT '' NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`cause_phase` text DEFAULT '' NOT NULL,
	`recurrence` text DEFAULT '' NOT NULL,
	`found_on` text,
	`found_by` text DEFAULT '' NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`due` text,
	`resolution` text DEFAULT '' NOT NULL,
	`resolved_on` text,
	`status` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `defects_project` ON `defects` (`project_id`);--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`phase` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '' NOT NULL,
	`situation` text DEFAULT '' NOT NULL,
	`cause` text DEFAULT '' NOT NULL,
	`recommendation` text DEFAULT '' NOT NULL,
	`raised_by` text DEFAULT '' NOT NULL,
	`raised_on` text,
	`status` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lessons_project` ON `lessons` (`project_id`);