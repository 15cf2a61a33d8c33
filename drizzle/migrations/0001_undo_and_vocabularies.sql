CREATE TABLE `vocabularies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`list` text NOT NULL,
	`code` text NOT NULL,
	`label_ja` text NOT NULL,
	`label_en` text NOT NULL,
	`position` real NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vocabularies_project_list_code` ON `vocabularies` (`project_id`,`list`,`code`);--> statement-breakpoint
ALTER TABLE `batches` ADD `kind` text DEFAULT 'edit' NOT NULL;--> statement-breakpoint
ALTER TABLE `batches` ADD `reverts` text;