/** Exit codes shared by every command: 0 ok / nothing found, 1 findings, 2 error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** Exit code when an object could not be read (FAILED) and `--allow-incomplete` is not given. */
export const EXIT_INCOMPLETE = 2;
