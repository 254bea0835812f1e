/** The dashboard's root component and the pieces other packages or tests may embed. */
export { ApiClient } from './api/api-client.ts';
export { ApiError } from './api/api-error.ts';
export { loadRuntimeConfig, type RuntimeConfig } from './api/runtime-config.ts';
export { App } from './app.tsx';
