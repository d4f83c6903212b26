import type { RuleCatalogue } from './types';

export const ageTexts: RuleCatalogue = {};
