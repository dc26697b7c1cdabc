// The task pane: filled in by the task-pane work.
export {};
