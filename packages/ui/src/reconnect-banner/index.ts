export { ReconnectBanner } from './reconnect-banner.js';
export type { BannerReconnect, ReconnectBannerProps } from './reconnect-banner.js';
