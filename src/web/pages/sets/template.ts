/**
 * The blank 2026–2030 criteria workbook (data/criteria/templates), copied into the web build by vite.config.ts
 * and served with the app, so the import page can offer it for download.
 */
export const CRITERIA_TEMPLATE_FILE = 'mau-bo-tieu-chi-2026-2030.xlsx';
export const CRITERIA_TEMPLATE_URL = `/mau/${CRITERIA_TEMPLATE_FILE}`;
