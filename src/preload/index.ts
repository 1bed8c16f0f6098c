// Placeholder: the main-process helper replaces this with the real preload.
export {}
