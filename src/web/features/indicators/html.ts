/** Text for ECharts' HTML tooltips: names come from data, so they are escaped. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
