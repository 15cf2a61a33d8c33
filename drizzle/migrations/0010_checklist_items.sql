CREATE TABLE `checklist_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`phase` text DEFAULT '' NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`checked_by` text DEFAULT '' NOT NULL,
	`checked_on` text,
	`evidence` text DEFAULT '' NOT NULL,
	`issue_ref` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `checklist_items_project` ON `checklist_items` (`project_id`);