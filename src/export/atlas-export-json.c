/* atlas-export-json.c: the flows view as JSON, from the Sankey engine's own description of its layout. */
#include <glib/gi18n-lib.h>

#include "atlas-export-private.h"
#include "atlas-sankey-json.h"

/* The chart engine describes its layout itself, so the file and the
 * picture cannot disagree. */
char *
atlas_export_flows_json (const AtlasScene *scene,
                         GError          **error)
{
  char *json = atlas_sankey_scene_to_json (scene);

  if (json == NULL)
    g_set_error_literal (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
                         _("JSON export is only available for the flows view"));
  return json;
}
