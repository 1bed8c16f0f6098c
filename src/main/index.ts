// Placeholder: the main-process helper replaces this with the real shell.
export {}
