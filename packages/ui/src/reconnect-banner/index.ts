export { ReconnectBanner } from './reconnect-banner.js';
export type { ReconnectBannerProps } from './reconnect-banner.js';
