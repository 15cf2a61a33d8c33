CREATE TABLE `baselines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`taken_at` text NOT NULL,
	`task_count` integer NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `baselines_project` ON `baselines` (`project_id`);--> statement-breakpoint
CREATE TABLE `weekly_closes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`status_date` text NOT NULL,
	`closed_at` text NOT NULL,
	`baseline_id` integer,
	`figures` text NOT NULL,
	`progress` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`baseline_id`) REFERENCES `baselines`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `weekly_closes_project_date` ON `weekly_closes` (`project_id`,`status_date`);--> statement-breakpoint
CREATE INDEX `weekly_closes_baseline` ON `weekly_closes` (`baseline_id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `cost_rate` real;