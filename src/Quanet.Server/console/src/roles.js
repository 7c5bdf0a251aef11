// The caller's roles from /api/v1/whoami. A key holds its role and every lower one, so `can` tests membership.
let roles = new Set();

export function setRoles(list) {
  roles = new Set(list || []);
  for (const role of ['viewer', 'planner', 'operator', 'admin']) {
    document.body.classList.toggle(`role-${role}`, roles.has(role));
  }
}

/** True when the caller holds role (or a higher one, which implies it). */
export function can(role) {
  return roles.has(role);
}
