import type { BrowserContext } from 'playwright-core';

export const ROOT: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function serveStatic(root: string, options?: { host?: string; port?: number }): Promise<{ url: string; close: () => Promise<void> }>;
export function buildWeb(outDir: string): string;
export function bundlePaneHarness(outDir: string): string;
export function launchChromium(options?: Record<string, unknown>): Promise<{ context: BrowserContext; close: () => Promise<void> }>;
export const SHARED_ENDPOINT: string;
export function launchChromiumServer(): Promise<{ wsEndpoint: string; close: () => Promise<void> }>;
