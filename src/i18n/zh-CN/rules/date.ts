import type { RuleCatalogue } from './types';

export const dateTexts: RuleCatalogue = {};
