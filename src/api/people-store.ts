import type { Db } from '../platform/database/connect.js';
import { searchPeople, type Viewer } from '../people/index.js';

export async function searchPeopleForApi(db: Db, viewer: Viewer, q: string) {
  const rows = await searchPeople(db, viewer, q, undefined, false);
  return rows.map((r) => ({
    crn: r.crn,
    forename: r.forename,
    surname: r.surname,
    dateOfBirth: r.date_of_birth,
    pncNumber: r.pnc_number,
  }));
}
