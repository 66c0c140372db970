/** Why a user may not change a site's team (the 403's message of every team write). */
export const cannotManage =
  "only an administrator, the site's coordinator or a regional coordinator of a programme at the site may change its team";
