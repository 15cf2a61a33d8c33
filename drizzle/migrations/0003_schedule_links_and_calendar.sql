CREATE TABLE `project_calendars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`working_weekdays` text NOT NULL,
	`national_holidays` integer DEFAULT true NOT NULL,
	`days_off` text NOT NULL,
	`working_days` text NOT NULL,
	`status_date` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_calendars_project_id_unique` ON `project_calendars` (`project_id`);--> statement-breakpoint
CREATE TABLE `wbs_dependencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`predecessor_id` integer NOT NULL,
	`successor_id` integer NOT NULL,
	`type` text DEFAULT 'FS' NOT NULL,
	`lag_days` integer DEFAULT 0 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`predecessor_id`) REFERENCES `wbs_tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`successor_id`) REFERENCES `wbs_tasks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wbs_dependencies_pair` ON `wbs_dependencies` (`predecessor_id`,`successor_id`);--> statement-breakpoint
CREATE INDEX `wbs_dependencies_successor` ON `wbs_dependencies` (`successor_id`);--> statement-breakpoint
CREATE INDEX `wbs_dependencies_project` ON `wbs_dependencies` (`project_id`);--> statement-breakpoint
ALTER TABLE `wbs_tasks` ADD `duration` integer;--> statement-breakpoint
ALTER TABLE `wbs_tasks` ADD `scheduling` text DEFAULT 'manual' NOT NULL;