import type { Db } from '../platform/database/connect.js';

/** A page of a person's record, shown in its sub-navigation. Capabilities add their own with addPersonTab. */
export interface PersonTab {
  /** Matches `tab` in the page's render context to mark it current. */
  key: string;
  text: string;
  /** Path after /people/:crn, '' for the overview. */
  path: string;
  /** Lower comes first. */
  order: number;
  /** Only these roles see the tab; everyone who may open the record when absent. */
  roles?: readonly string[];
}

const tabs: PersonTab[] = [
  { key: 'overview', text: 'Overview', path: '', order: 0 },
  { key: 'personal-details', text: 'Personal details', path: '/personal-details', order: 80 },
  { key: 'contacts', text: 'Contacts', path: '/contacts', order: 85 },
  { key: 'allocation', text: 'Allocation history', path: '/allocation', order: 90 },
  { key: 'limited-access', text: 'Limited access', path: '/limited-access', order: 95, roles: ['manager'] },
  { key: 'audit', text: 'Who has looked at this record', path: '/audit', order: 100 },
];

export function addPersonTab(tab: PersonTab): void {
  if (!tabs.some((t) => t.key === tab.key)) tabs.push(tab);
  tabs.sort((a, b) => a.order - b.order);
}

export function personTabs(crn: string, current: string | undefined, roles: readonly string[] = []) {
  return tabs
    .filter((t) => !t.roles || t.roles.some((r) => roles.includes(r)))
    .map((t) => ({ text: t.text, href: `/people/${crn}${t.path}`, active: t.key === current }));
}

/**
 * A panel on the person's overview, added by another capability (flags, tasks, appointments …).
 * `load` answers the panel's data, or null to show nothing; the template is included with it as
 * `panel.data`.
 */
export interface OverviewPanel {
  key: string;
  /** Lower comes first. */
  order: number;
  /** A Nunjucks template path from src, for example 'registrations/views/flags-panel.njk'. */
  template: string;
  load: (db: Db, person: { id: string; crn: string }, today: string) => Promise<unknown> | unknown;
}

const panels: OverviewPanel[] = [];

export function addOverviewPanel(panel: OverviewPanel): void {
  if (!panels.some((p) => p.key === panel.key)) panels.push(panel);
  panels.sort((a, b) => a.order - b.order);
}

/** Each panel's data for one person, in order, leaving out panels with nothing to show. */
export async function loadOverviewPanels(db: Db, person: { id: string; crn: string }, today: string) {
  const loaded = await Promise.all(
    panels.map(async (panel) => ({
      key: panel.key,
      template: panel.template,
      data: await panel.load(db, person, today),
    })),
  );
  return loaded.filter((panel) => panel.data !== null && panel.data !== undefined);
}
